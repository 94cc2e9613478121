// #/files: every amendment file, newest first, with a filter; a button to make a new one; the ILR
// XML files of 2011-12 onwards; and checkers for any .amd or .xml file dropped onto the window.
import { Button, Checkbox, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { AddRegular, SearchRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { StoredAmendmentFile } from '../../../../shared/history/types';
import { useApi, useApiEvent, useDraft, useLoaded } from '../../../app/hooks';
import { goTo } from '../../../app/use-route';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { ScreenTitle, useSectionStyles } from '../../../components/ScreenTitle';
import { newFileHref } from '../files-route';
import { CheckFilesSection } from './CheckFilesSection';
import type { CheckList } from './CheckFilesSection';
import { DiscardDialog } from './DiscardDialog';
import { discardFile, exportFile } from './file-actions';
import { receiptCounts, visibleFiles } from './file-list-model';
import { FilesTable } from './FilesTable';
import { useWindowFileDrop } from './use-window-drop';
import { useXmlChecks } from '../xml/use-xml-checks';
import { XmlAmendSection } from '../xml/XmlAmendSection';
import { XmlCheckSection } from '../xml/XmlCheckSection';
import { XmlFilesSection } from '../xml/XmlFilesSection';
import { splitDropped } from '../xml/xml-model';

const PAGE = 100;

export function FileListScreen() {
  const s = useSectionStyles();
  const api = useApi();
  const headingId = useId();
  const files = useLoaded((a) => a['files.list']({}));
  const uploads = useLoaded((a) => a['uploads.list']({}));
  useApiEvent('history.changed', () => {
    files.reload();
    uploads.reload();
  });
  const [view, setView] = useDraft('files.list', { filter: '', discarded: false, year: '2010-11' });
  const [shown, setShown] = useState(PAGE);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [discarding, setDiscarding] = useState<StoredAmendmentFile | null>(null);
  const [checks, setChecks] = useState<CheckList>({ sources: [], selected: 0 });

  const xml = useXmlChecks();

  // An .xml file is a 2011-12 ILR file: main checks it; anything else takes the .amd check here.
  const check = (dropped: File[]) => {
    const year = view.year || null;
    const { amd, xml: xmlFiles } = splitDropped(dropped);
    if (amd.length > 0)
      setChecks({ sources: amd.map((f) => ({ name: f.name, file: f, year })), selected: 0 });
    if (xmlFiles.length > 0) xml.check(xmlFiles);
  };
  useWindowFileDrop(check);

  const all = files.value ?? [];
  const list = visibleFiles(all, view.filter, view.discarded);
  const receipts = receiptCounts(uploads.value ?? []);

  return (
    <>
      <ScreenTitle title="Amendment files">Amendment files</ScreenTitle>
      <div className={s.actions}>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => goTo(newFileHref())}>
          New amendment file
        </Button>
      </div>
      <LiveNotice notice={notice} />
      <section className={s.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={s.heading}>
          Your files
        </h2>
        <LiveNotice
          notice={files.error && fromError(files.error, 'The files could not be loaded')}
        />
        <div className={s.actions}>
          <Field label="Filter files">
            <Input
              type="search"
              contentBefore={<SearchRegular aria-hidden />}
              value={view.filter}
              onChange={(_, d) => setView({ filter: d.value })}
            />
          </Field>
          <Checkbox
            label="Show discarded files"
            checked={view.discarded}
            onChange={(_, d) => setView({ discarded: d.checked === true })}
          />
        </div>
        {!files.value && files.loading && <Spinner label="Loading the files…" />}
        {files.value && all.length === 0 && (
          <Text>
            No amendment files yet. Make the first from an approved action plan row with New
            amendment file.
          </Text>
        )}
        {files.value && all.length > 0 && (
          <>
            <Text role="status">
              {list.length === all.length
                ? `${all.length} file${all.length === 1 ? '' : 's'}.`
                : `${list.length} of ${all.length} files shown.`}
            </Text>
            <FilesTable
              files={list.slice(0, shown)}
              receipts={receipts}
              onExport={(f) => void exportFile(api, f.name).then(setNotice)}
              onDiscard={setDiscarding}
              onCopied={(text) => setNotice({ intent: 'info', text })}
            />
            {list.length > shown && (
              <div>
                <Button onClick={() => setShown((n) => n + PAGE)}>
                  Show more ({list.length - shown} more)
                </Button>
              </div>
            )}
          </>
        )}
      </section>
      <XmlFilesSection />
      <CheckFilesSection
        checks={checks}
        year={view.year}
        onYear={(year) => {
          setView({ year });
          setChecks((c) => ({
            ...c,
            sources: c.sources.map((x) => ({ ...x, year: year || null })),
          }));
        }}
        onFiles={check}
        onSelect={(selected) => setChecks((c) => ({ ...c, selected }))}
      />
      <XmlCheckSection checks={xml.checks} onFiles={check} onSelect={xml.select} />
      <XmlAmendSection />
      <DiscardDialog
        file={discarding}
        onCancel={() => setDiscarding(null)}
        onConfirm={(f) => {
          setDiscarding(null);
          void discardFile(api, f).then((n) => {
            setNotice(n);
            files.reload();
          });
        }}
      />
    </>
  );
}
