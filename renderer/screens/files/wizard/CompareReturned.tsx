// "Compare with the data as returned…" in the records step: the user chooses the extract as it was
// returned (what HEFCE holds); the extract loaded in the wizard is the corrected one. ReturnDesk
// compares the two (files.compare, on the wizard's keys and column mapping) and shows the changed
// records with each differing value as returned → as corrected, the added and the deleted ones;
// the file is then worked out from the two when it is finalised, by the rule files.build follows.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { fileToBase64 } from '../../../app/bytes';
import { useApi } from '../../../app/hooks';
import { useFormStyles } from '../../../components/form-styles';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';
import type { ExtractWorkers } from '../workers/registry';
import { columnsOf, comparedPart, countsText, fileFromComparison } from './comparison-view';
import type { ComparisonView } from './comparison-view';
import { keepExtract } from './use-wizard-draft';
import type { WizardAction, WizardState } from './wizard-state';
import { keysOf } from './wizard-steps';

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
}

const more = (shown: number, count: number) =>
  count > shown ? ` The first ${shown.toLocaleString('en-GB')} are shown.` : '';

export function CompareReturned({ state, dataSet, dispatch, workers }: Props) {
  const section = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const part = state.parts[dataSet];
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const kind = state.row?.kind ?? 'CHANGE';

  const compare = async () => {
    const corrected = workers.fileOf(dataSet, 'corrected');
    const x = part.extract;
    if (!chosen) return setNotice({ intent: 'error', text: 'Choose the data as returned.' });
    if (!corrected || !x)
      return setNotice({ intent: 'error', text: 'Load the corrected extract again first.' });
    setBusy(true);
    setNotice({ intent: 'info', text: 'Comparing the extracts…' });
    const [rb, cb] = await Promise.all([fileToBase64(chosen), fileToBase64(corrected)]);
    if (!rb.ok || !cb.ok) {
      setBusy(false);
      const failed = !rb.ok ? rb : cb;
      return setNotice(failed.ok ? null : fromError(failed.error, 'The extracts were not read'));
    }
    const keys = keysOf(state, dataSet);
    const got = await api['files.compare']({
      dataSet,
      returned: { fileName: chosen.name, base64: rb.value },
      corrected: { fileName: corrected.name, base64: cb.value },
      keys: keys.length > 0 ? keys : undefined,
      columns: columnsOf(x.header, part.codes),
    });
    if (!got.ok) {
      setBusy(false);
      return setNotice(fromError(got.error, 'The extracts were not compared'));
    }
    // Kept with the draft beside the corrected extract, before the draft says it was compared:
    // continuing the draft after a reload compares the two again.
    const notKept = await keepExtract(api, state, dataSet, chosen, rb.value, 'returned');
    setBusy(false);
    setNotice(
      notKept
        ? {
            intent: 'warning',
            text: `The data as returned is not kept with the draft (${notKept}); after a reload, compare again.`,
          }
        : null,
    );
    workers.keepFile(dataSet, 'returned', chosen);
    // The records shown chosen are those finalising will work out again from the two extracts.
    dispatch({ type: 'compared', dataSet, ...comparedPart(kind, x.rows, chosen, got.value) });
  };

  if (part.returned) {
    return (
      <>
        <Compared
          view={part.returned.view}
          keys={part.returned.keys}
          kind={kind}
          onStop={() => {
            workers.keepFile(dataSet, 'returned', null);
            setNotice(null);
            dispatch({ type: 'uncompared', dataSet });
          }}
        />
        <LiveNotice notice={notice} />
      </>
    );
  }
  return (
    <>
      {!open ? (
        <div className={section.actions}>
          <Button onClick={() => setOpen(true)}>Compare with the data as returned…</Button>
        </div>
      ) : (
        <section className={section.section} aria-label="Compare with the data as returned">
          <Text block>
            Choose the extract as it was returned (what HEFCE holds). The extract loaded here is the
            corrected one; its column matches apply to both. The file is then made from the records
            that differ.
          </Text>
          <div className={section.actions}>
            <Field label="Data as returned (CSV)" required>
              {(props) => (
                <input
                  {...props}
                  className={f.file}
                  type="file"
                  accept=".csv,.txt,text/csv"
                  onChange={(e) => setChosen(e.currentTarget.files?.[0] ?? null)}
                />
              )}
            </Field>
            <Button appearance="primary" onClick={() => void compare()} disabledFocusable={busy}>
              Compare
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </section>
      )}
      <LiveNotice notice={notice} />
    </>
  );
}

function Compared({
  view,
  keys,
  kind,
  onStop,
}: {
  view: ComparisonView;
  keys: string[];
  kind: 'CHANGE' | 'ADD' | 'DELETE';
  onStop: () => void;
}) {
  const section = useSectionStyles();
  const file = fileFromComparison(kind, view);
  const c = view.counts;
  return (
    <section className={section.section} aria-label="Compared with the data as returned">
      <Text block role="status">
        {countsText(view)} Records matched on {keys.join(', ')}.
      </Text>
      {file.ok ? (
        <Text block>{file.text}</Text>
      ) : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The file cannot be made from this comparison</MessageBarTitle>
            {file.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.notCompared.length > 0 && (
        <Text block className={section.muted}>
          Not compared (not {view.notCompared.length === 1 ? 'a field' : 'fields'} of this data set,
          or not in both extracts): {view.notCompared.join(', ')}.
        </Text>
      )}
      <Table size="small" aria-label="Changed records">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Changed record</TableHeaderCell>
            <TableHeaderCell>Field</TableHeaderCell>
            <TableHeaderCell>As returned → corrected</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.changed.flatMap((r) =>
            r.fields.map((d, i) => (
              <TableRow key={`${r.key} ${d.field}`}>
                <TableCell>{i === 0 ? r.key : ''}</TableCell>
                <TableCell>{d.field}</TableCell>
                <TableCell>{`${d.old === '' ? '(blank)' : d.old} → ${d.new === '' ? '(blank)' : d.new}`}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
      <Text size={200} className={section.muted}>
        {c.changed.toLocaleString('en-GB')} changed.{more(view.changed.length, c.changed)}
      </Text>
      <KeyList
        label="Added records (only in the corrected extract)"
        keys={view.added}
        count={c.added}
      />
      <KeyList
        label="Deleted records (only in the data as returned)"
        keys={view.deleted}
        count={c.deleted}
      />
      <div className={section.actions}>
        <Button onClick={onStop}>Stop comparing and choose the records myself</Button>
      </div>
    </section>
  );
}

function KeyList({ label, keys, count }: { label: string; keys: string[]; count: number }) {
  const section = useSectionStyles();
  return (
    <div>
      <Text weight="semibold" block>
        {label}: {count.toLocaleString('en-GB')}
      </Text>
      {keys.length > 0 && (
        <ul aria-label={label}>
          {keys.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      )}
      {count > keys.length && (
        <Text size={200} className={section.muted}>
          {more(keys.length, count).trim()}
        </Text>
      )}
    </div>
  );
}
