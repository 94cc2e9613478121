// Checking any .amd file, from anywhere: dropped onto the window or chosen here. The check runs in
// this window with the same engine and rules as the wizard; nothing is uploaded or stored.
import { Field, Select, Tab, TabList, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { catalogueYears } from '../../../../shared/ilr/catalogue';
import { FileDropZone } from '../../../components/FileDropZone';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { CheckedFileView } from './CheckedFileView';
import type { CheckSource } from './use-checked-file';

export interface CheckList {
  sources: CheckSource[];
  selected: number;
}

interface Props {
  checks: CheckList;
  year: string;
  onYear: (year: string) => void;
  onFiles: (files: File[]) => void;
  onSelect: (i: number) => void;
}

export function CheckFilesSection({ checks, year, onYear, onFiles, onSelect }: Props) {
  const s = useSectionStyles();
  const headingId = useId();
  const current = checks.sources[checks.selected];
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Check an amendment file
      </h2>
      <Text>
        Drop .amd files anywhere on this window, or choose them below, to check them against every
        rule in HEFCE’s guide. Files are checked on this computer and are not stored or sent.
      </Text>
      <div className={s.actions}>
        <FileDropZone
          label="Amendment files to check (.amd)"
          accept=".amd,.txt,text/plain"
          multiple
          onFiles={onFiles}
        />
        <Field label="Check field codes and lengths against">
          <Select value={year} onChange={(_, d) => onYear(d.value)}>
            <option value="">No ILR year (form and data set only)</option>
            {catalogueYears().map((y) => (
              <option key={y} value={y}>
                The {y} ILR catalogue
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {checks.sources.length > 1 && (
        <TabList
          selectedValue={String(checks.selected)}
          onTabSelect={(_, d) => onSelect(Number(d.value))}
          aria-label="Checked files"
        >
          {checks.sources.map((src, i) => (
            <Tab key={i} value={String(i)}>
              {src.name}
            </Tab>
          ))}
        </TabList>
      )}
      {current && <CheckedFileView key={checks.selected} source={current} />}
    </section>
  );
}
