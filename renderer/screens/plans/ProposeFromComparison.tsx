// Rows for a draft plan worked out from the data: the user chooses the extract as returned and
// the corrected one, ReturnDesk compares them (files.compare) and proposes one row for each kind of
// file they call for, naming the fields and counting the records; the rows kept are added together
// (plans.addRows), or none are.
import { Button, Checkbox, Field, Input, Select, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DataSet } from '../../../shared/amd/model';
import { proposedPlanRows } from '../../../shared/compare/plan-rows';
import type { ProposedPlanRow } from '../../../shared/compare/plan-rows';
import type { ActionPlan } from '../../../shared/history/types';
import type { ComparedExtracts } from '../../../shared/ipc/files';
import { fileToBase64 } from '../../app/bytes';
import { useApi } from '../../app/hooks';
import { useFormStyles } from '../../components/form-styles';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { UK_DATE_HINT, ukDateToIso } from '../../components/uk-date';

interface Props {
  plan: ActionPlan;
  onAdded: (plan: ActionPlan, added: number) => void;
  onCancel: () => void;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** The comparison in one sentence, duplicate keys said plainly since their records are left out. */
export function comparisonSummary(c: ComparedExtracts): string {
  const counts = `${n(c.changed.count)} changed, ${n(c.added.count)} added, ${n(c.deleted.count)} deleted, ${n(c.unchanged)} unchanged`;
  const dupes = c.duplicateKeys.length
    ? ` ${n(c.duplicateKeys.length)} key${c.duplicateKeys.length === 1 ? ' is' : 's are'} on more than one record; those records are not counted.`
    : '';
  return `${c.extracts.returned.name} and ${c.extracts.corrected.name}: ${counts}.${dupes}`;
}

export function ProposeFromComparison({ plan, onAdded, onCancel }: Props) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const returned = useRef<File | null>(null);
  const corrected = useRef<File | null>(null);
  const [dataSet, setDataSet] = useState<DataSet>('A');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [compared, setCompared] = useState<ComparedExtracts | null>(null);
  const [rows, setRows] = useState<(ProposedPlanRow & { keep: boolean })[]>([]);

  const compare = async () => {
    if (!returned.current || !corrected.current)
      return setNotice({ intent: 'error', text: 'Choose both extracts.' });
    setBusy(true);
    setNotice({ intent: 'info', text: 'Comparing the extracts…' });
    const [r, c] = [returned.current, corrected.current];
    const [rb, cb] = await Promise.all([fileToBase64(r), fileToBase64(c)]);
    if (!rb.ok || !cb.ok) {
      setBusy(false);
      const failed = !rb.ok ? rb : cb;
      return setNotice(failed.ok ? null : fromError(failed.error, 'The extracts were not read'));
    }
    const got = await api['files.compare']({
      dataSet,
      returned: { fileName: r.name, base64: rb.value },
      corrected: { fileName: c.name, base64: cb.value },
    });
    setBusy(false);
    if (!got.ok) return setNotice(fromError(got.error, 'The extracts were not compared'));
    setNotice(null);
    setCompared(got.value);
    setRows(proposedPlanRows(got.value).map((row) => ({ ...row, keep: true })));
  };

  const kept = rows.filter((r) => r.keep);
  const add = async () => {
    // Typed dd/mm/yyyy, as in the row form; the contract keeps YYYY-MM-DD.
    const dueIso = ukDateToIso(due);
    if (dueIso === undefined)
      return setNotice({
        intent: 'error',
        text:
          due.trim() === ''
            ? 'Give the date the files are due.'
            : `${due.trim()} is not a real date: write it dd/mm/yyyy, e.g. 31/03/2011.`,
      });
    setBusy(true);
    const r = await api['plans.addRows']({
      planId: plan.id,
      rows: kept.map(({ kind, description, fields, records }) => ({
        kind,
        description,
        fields,
        records,
        due: dueIso,
      })),
    });
    setBusy(false);
    if (!r.ok) return setNotice(fromError(r.error, 'The rows were not added'));
    onAdded(r.value, kept.length);
  };

  return (
    <section className={s.form} aria-label="Propose rows from a comparison">
      <h3 className={s.subheading}>Propose rows from the data</h3>
      <div className={f.row}>
        <Field label="Data set">
          <Select value={dataSet} onChange={(_, d) => setDataSet(d.value as DataSet)}>
            <option value="L">Learner (L)</option>
            <option value="A">Learning aim (A)</option>
            <option value="H">HE (H)</option>
          </Select>
        </Field>
        <Field label="Extract as returned" required>
          {(props) => (
            <input
              {...props}
              className={f.file}
              type="file"
              accept=".csv,.txt"
              onChange={(e) => (returned.current = e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label="Corrected extract" required>
          {(props) => (
            <input
              {...props}
              className={f.file}
              type="file"
              accept=".csv,.txt"
              onChange={(e) => (corrected.current = e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
      </div>
      <div className={s.actions}>
        <Button onClick={() => void compare()} disabledFocusable={busy}>
          Compare
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
      {compared && (
        <>
          <Text block role="status">
            {comparisonSummary(compared)}
          </Text>
          {rows.length === 0 ? (
            <Text block>The extracts agree: there is no row to propose.</Text>
          ) : (
            <>
              {rows.map((row, i) => (
                <Checkbox
                  key={row.kind}
                  checked={row.keep}
                  label={`${row.kind}: ${row.description}${row.fields === 'all' ? '' : ` (fields ${row.fields.join(', ')})`}`}
                  onChange={(_, d) =>
                    setRows(rows.map((r, j) => (j === i ? { ...r, keep: d.checked === true } : r)))
                  }
                />
              ))}
              <Field className={f.medium} label="Due" required hint={UK_DATE_HINT}>
                <Input
                  value={due}
                  autoComplete="off"
                  placeholder="dd/mm/yyyy"
                  onChange={(_, d) => setDue(d.value)}
                />
              </Field>
              <div className={s.actions}>
                <Button
                  appearance="primary"
                  onClick={() => void add()}
                  disabledFocusable={busy || kept.length === 0}
                >
                  Add {kept.length} row{kept.length === 1 ? '' : 's'} to the plan
                </Button>
              </div>
            </>
          )}
        </>
      )}
      <LiveNotice notice={notice} />
    </section>
  );
}
