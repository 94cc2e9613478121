// The regulator's file-format specifications, one per template: what each data file's columns must
// be. Importing one attaches it to its template, so files for that template are checked before they
// are sent; a specification that cannot be applied safely is refused with main's reason.
import {
  Button,
  Field,
  Input,
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
import { DocumentTableRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { plural } from '../../../shared/history/wording';
import { fileToBase64 } from '../../app/bytes';
import { formatDateTime } from '../../app/format';
import { useApi, useApiEvent, useLoaded } from '../../app/hooks';
import { useFormStyles } from '../../components/form-styles';
import { LiveNotice, fromError } from '../../components/Notice';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { focusFirstInvalid, useForm } from '../../forms/use-form';
import { EMPTY_FORMAT, formatErrors, knownTemplates } from './portal-forms';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { verticalAlign: 'top', overflowWrap: 'anywhere', whiteSpace: 'normal' },
  template: { width: '22%' },
  source: { width: '22%' },
  imported: { width: '16%' },
  form: {
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function FileFormatsSection({ templates }: { templates: readonly { template: string }[] }) {
  const s = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  const formats = useLoaded((a) => a['portal.formats']());
  useApiEvent('history.changed', formats.reload);
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<NoticeMessage | null>(null);
  const list = formats.value ?? [];
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        File formats
      </h2>
      <Text className={s.muted}>
        The regulator publishes a file format for each template: the data file’s columns, their
        order, and what each value must look like. With one imported, files for that template are
        checked before they are uploaded.
      </Text>
      <div className={s.actions}>
        <Button
          icon={<DocumentTableRegular />}
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
        >
          Import a file format…
        </Button>
      </div>
      <LiveNotice
        notice={formats.error ? fromError(formats.error, 'Could not list the formats') : outcome}
      />
      {open && (
        <div className={own.form}>
          <ImportFormatForm
            templates={knownTemplates(templates)}
            onImported={(text) => {
              setOpen(false);
              setOutcome({ intent: 'success', text });
              formats.reload();
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      )}
      {formats.value && list.length === 0 && <Text>No file format has been imported yet.</Text>}
      {list.length > 0 && (
        <Table className={own.table} size="small" aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={own.template}>Template</TableHeaderCell>
              <TableHeaderCell className={own.source}>Specification</TableHeaderCell>
              <TableHeaderCell>Columns</TableHeaderCell>
              <TableHeaderCell className={own.imported}>Imported</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((f) => (
              <TableRow key={f.id}>
                <TableCell className={own.cell}>{f.template}</TableCell>
                <TableCell className={own.cell}>{f.sourceName}</TableCell>
                <TableCell className={own.cell}>
                  {plural(f.columns.length, 'column')}: {f.columns.join(', ')}
                </TableCell>
                <TableCell className={own.cell}>{formatDateTime(f.importedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** The select's value for typing a template no request has yet. */
const ANOTHER = '\u0000another';

function ImportFormatForm(p: {
  templates: string[];
  onImported: (text: string) => void;
  onCancel: () => void;
}) {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const form = useForm('portal.importFormat', EMPTY_FORMAT, formatErrors);
  // The requests' templates are chosen from; a new name is typed only when asked for, since a
  // format whose template no request has (a typo) never checks anything.
  const [typing, setTyping] = useState(p.templates.length === 0);
  const { values, errors, set, blur } = form;
  const file = useRef<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLFormElement>(null);

  const save = async () => {
    if (!file.current) set({ fileName: '' });
    if (!form.trySubmit() || !file.current) return focusFirstInvalid(ref.current);
    setSaving(true);
    setNotice({ intent: 'info', text: `Reading ${values.fileName}…` });
    const read = await fileToBase64(file.current);
    const r = read.ok
      ? await api['portal.importFormat']({
          template: values.template.trim(),
          fileName: values.fileName,
          base64: read.value,
        })
      : read;
    setSaving(false);
    // The refusal says what is wrong with the specification, row by row.
    if (!r.ok) return setNotice(fromError(r.error, 'The file format was not imported'));
    form.reset();
    setTyping(p.templates.length === 0);
    file.current = null;
    p.onImported(
      `Imported ${r.value.sourceName} for ${r.value.template}: ${plural(r.value.columns.length, 'column')}. Files for ${r.value.template} are now checked against it.`,
    );
  };

  return (
    <form
      ref={ref}
      aria-label="Import a file format"
      noValidate
      className={s.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className={s.subheading}>Import a file format</h3>
      <div className={f.row}>
        {p.templates.length > 0 && (
          <Field
            className={f.medium}
            label="Template"
            required
            hint={
              errors.template && !typing
                ? undefined
                : 'The data requests’ template the format is for.'
            }
            validationState={errors.template && !typing ? 'error' : 'none'}
            validationMessage={typing ? undefined : errors.template}
          >
            <Select
              value={typing ? ANOTHER : values.template}
              autoFocus
              onChange={(_, d) => {
                const another = d.value === ANOTHER;
                setTyping(another);
                set({ template: another ? '' : d.value });
              }}
              onBlur={() => !typing && blur('template')}
            >
              <option value="">Choose a template</option>
              {p.templates.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
              <option value={ANOTHER}>Another template, not yet requested…</option>
            </Select>
          </Field>
        )}
        {typing && (
          <Field
            className={f.medium}
            label={p.templates.length > 0 ? 'New template name' : 'Template'}
            required
            hint={
              errors.template
                ? undefined
                : p.templates.length > 0
                  ? 'No data request has this template yet. A file is checked against the format only when its request’s template has exactly this name.'
                  : 'No data request names a template yet. Type the template’s name exactly as the portal gives it: a file is checked against the format only when its request’s template has this name.'
            }
            validationState={errors.template ? 'error' : 'none'}
            validationMessage={errors.template}
          >
            <Input
              value={values.template}
              autoComplete="off"
              autoFocus
              onChange={(_, d) => set({ template: d.value })}
              onBlur={() => blur('template')}
            />
          </Field>
        )}
        <Field
          className={f.long}
          label="Specification (CSV)"
          required
          hint={
            errors.fileName
              ? undefined
              : 'With the columns Name, Description, Position and Validation Regular Expression.'
          }
          validationState={errors.fileName ? 'error' : 'none'}
          validationMessage={errors.fileName}
        >
          {(props) => (
            <input
              {...props}
              className={f.file}
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                file.current = e.currentTarget.files?.[0] ?? null;
                set({ fileName: file.current?.name ?? '' });
                blur('fileName');
                setNotice(null);
              }}
            />
          )}
        </Field>
      </div>
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          Import file format
        </Button>
        <Button onClick={p.onCancel}>Cancel</Button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}
