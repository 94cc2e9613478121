// Loading the MIS extract: read, decoded and parsed in a worker while a progress bar shows how
// far it has got; the page stays usable throughout, even for a million rows.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { DATA_SET_NAMES } from '../../../../shared/amd';
import { formatBytes } from '../../../app/format';
import { useApi } from '../../../app/hooks';
import { fileToBase64 } from '../../../app/bytes';
import { keepExtract } from './use-wizard-draft';
import { FileDropZone } from '../../../components/FileDropZone';
import { LiveNotice } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { WorkProgress } from '../../../components/WorkProgress';
import type { WorkProgressValue } from '../../../components/WorkProgress';
import { describeEncoding } from '../engine/decode';
import { initialCodes } from '../engine/mapping';
import type { ExtractWorkers } from '../workers/registry';
import type { WizardAction, WizardState } from './wizard-state';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

const DELIMITERS: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar',
};

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
}

export function ExtractStep({ state, dataSet, dispatch, workers }: Props) {
  const s = useStyles();
  const section = useSectionStyles();
  const api = useApi();
  const part = state.parts[dataSet];
  const [progress, setProgress] = useState<WorkProgressValue | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const load = async (file: File) => {
    setNotice(null);
    dispatch({ type: 'unload', dataSet });
    const worker = workers.start(dataSet);
    workers.keepFile(dataSet, 'corrected', file);
    setProgress({ phase: 'Reading the file', done: 0, total: file.size });
    const upin = state.row?.upin;
    const saved = upin ? api['mappings.get']({ upin }) : undefined;
    try {
      const loaded = await worker.rpc.call('load', { file }, { progress: setProgress });
      const mapping = await saved;
      const codes = initialCodes(loaded.header, mapping?.ok ? mapping.value : {});
      dispatch({
        type: 'loaded',
        dataSet,
        extract: { ...loaded, fileName: file.name, bytes: file.size },
        codes,
      });
      // Kept with the draft in the history, so a reload or a restart does not lose it.
      const read = await fileToBase64(file);
      const notKept = read.ok
        ? await keepExtract(api, state, dataSet, file, read.value)
        : read.error.message;
      setNotice({
        intent: notKept ? 'warning' : 'success',
        text:
          `Loaded ${loaded.rows.toLocaleString('en-GB')} records from ${file.name}.` +
          (notKept
            ? ` It is not kept with the draft (${notKept}); after a reload, load it again.`
            : ''),
      });
    } catch (e) {
      workers.stop(dataSet);
      setNotice({
        intent: 'error',
        title: `${file.name} could not be read`,
        text: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setProgress(null);
    }
  };

  const x = part.extract;
  return (
    <>
      <Text block>
        Export the records from your MIS as a CSV file whose first row names the columns (ILR field
        codes such as A27, or your MIS’s own names, which you match to ILR fields next). Every value
        is kept exactly as written: leading zeros stay.
      </Text>
      <FileDropZone
        label="MIS extract (CSV)"
        hint={`The ${DATA_SET_NAMES[dataSet]} (${dataSet}) records for this file.`}
        accept=".csv,.txt,text/csv"
        disabled={progress !== null}
        onFiles={(files) => files[0] && void load(files[0])}
      />
      {progress && <WorkProgress progress={progress} />}
      <LiveNotice notice={notice} />
      {x && !progress && (
        <section aria-label="The loaded extract">
          <dl className={s.facts}>
            <dt className={s.term}>File</dt>
            <dd className={s.detail}>
              {x.fileName} ({formatBytes(x.bytes)})
            </dd>
            <dt className={s.term}>Records</dt>
            <dd className={s.detail}>{x.rows.toLocaleString('en-GB')}</dd>
            <dt className={s.term}>Columns</dt>
            <dd className={s.detail}>
              {x.header.length} ({DELIMITERS[x.delimiter] ?? x.delimiter}-separated)
            </dd>
            <dt className={s.term}>Text encoding</dt>
            <dd className={s.detail}>{describeEncoding(x.encoding)}</dd>
          </dl>
          {x.unevenCount > 0 && (
            <LiveNotice
              notice={{
                intent: 'warning',
                title: `${x.unevenCount.toLocaleString('en-GB')} row${x.unevenCount === 1 ? ' has' : 's have'} a different number of values from the header`,
                text: `See row${x.unevenRows.length === 1 ? '' : 's'} ${x.unevenRows.join(', ')} of the file. A value may be missing, or contain an unquoted comma. Correct the extract, or leave those records out in the Records step.`,
              }}
            />
          )}
          <div className={section.actions}>
            <Button
              onClick={() => {
                workers.stop(dataSet);
                dispatch({ type: 'unload', dataSet });
              }}
            >
              Remove this extract
            </Button>
          </div>
        </section>
      )}
    </>
  );
}
