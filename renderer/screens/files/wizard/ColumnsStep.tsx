// Matching the extract's columns to ILR fields. Headers that are field codes match themselves;
// the provider's remembered choices fill in the rest; anything else is the user's to choose.
import {
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DataSet } from '../../../../shared/amd';
import { DATA_SET_NAMES, canonicalFieldCode } from '../../../../shared/amd';
import { catalogueFor, catalogueYears } from '../../../../shared/ilr/catalogue';
import { isFieldCode } from '../../../../shared/domain';
import { repeatedCodes } from '../engine/mapping';
import { MAPPING_EXPLAINED } from './explain';
import type { WizardAction, WizardState } from './wizard-state';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  column: { width: '25%' },
  field: { width: '40%' },
  sample: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  header: { overflowWrap: 'anywhere' },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

interface Option {
  code: string;
  label: string;
}

export function fieldOptions(year: string, dataSet: DataSet, codes: readonly string[]): Option[] {
  // A year ReturnDesk has no catalogue for borrows the latest one's codes: they change little.
  const cat = catalogueFor(year) ?? catalogueFor(catalogueYears().at(-1) ?? '');
  const known = cat?.dataSets[dataSet].fields ?? [];
  const options: Option[] = known.map((f) => ({ code: f.code, label: `${f.code} – ${f.name}` }));
  for (const c of codes) {
    if (c === '' || options.some((o) => o.code === c)) continue;
    const other =
      c[0] !== dataSet ? ` (${DATA_SET_NAMES[c[0] as DataSet] ?? 'another'} data set)` : '';
    options.push({ code: c, label: `${c}${other}` });
  }
  return options;
}

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
}

export function ColumnsStep({ state, dataSet, dispatch }: Props) {
  const s = useStyles();
  const part = state.parts[dataSet];
  const x = part.extract;
  if (!x) return null;
  const options = fieldOptions(state.row?.year ?? '', dataSet, part.codes);
  const twice = new Set(repeatedCodes(part.codes));
  return (
    <>
      <Text block>{MAPPING_EXPLAINED}</Text>
      <Table className={s.table} size="small" aria-label="Extract columns and their ILR fields">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.column}>Column in the extract</TableHeaderCell>
            <TableHeaderCell>First values</TableHeaderCell>
            <TableHeaderCell className={s.field}>ILR field</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {x.header.map((h, i) => {
            const code = part.codes[i] ?? '';
            const own = isFieldCode(canonicalFieldCode(h));
            const name = h.trim() === '' ? `Column ${i + 1} (no name)` : h;
            return (
              <TableRow key={i}>
                <TableCell className={s.header}>{name}</TableCell>
                <TableCell>
                  <div className={s.sample}>
                    {x.sample.map((r) => r[i] ?? '').join(' · ') || '(empty)'}
                  </div>
                </TableCell>
                <TableCell>
                  <Select
                    aria-label={`ILR field for column ${name}`}
                    value={code}
                    onChange={(_, d) =>
                      dispatch({ type: 'code', dataSet, column: i, code: d.value })
                    }
                  >
                    <option value="">Not used</option>
                    {options.map((o) => (
                      <option key={o.code} value={o.code}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                  {twice.has(code) && (
                    <Text size={200} className={s.warn}>
                      {code} is chosen for another column too.
                    </Text>
                  )}
                  {own && code !== canonicalFieldCode(h) && (
                    <Text size={200}>The header itself says {canonicalFieldCode(h)}.</Text>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
