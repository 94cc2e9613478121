// "Work out an amendment (2011-12)": the file as returned and the corrected one, compared learner
// by learner in main; shows which learners changed (and in which values), which were added and
// which are only in the returned file, and saves the amendment file where the user chooses.
import { Button, Field, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import type { XmlAmendmentView } from '../../../../shared/ipc/files';
import { plural } from '../../../../shared/history/wording';
import { downloadBase64, fileToBase64 } from '../../../app/bytes';
import { useApi } from '../../../app/hooks';
import { useFormStyles } from '../../../components/form-styles';
import { LiveNotice, fromError } from '../../../components/Notice';
import type { NoticeMessage } from '../../../components/Notice';
import { useSectionStyles } from '../../../components/ScreenTitle';

type Which = 'returned' | 'corrected';

export function XmlAmendSection() {
  const s = useSectionStyles();
  const f = useFormStyles();
  const api = useApi();
  const headingId = useId();
  const files = useRef<Record<Which, File | null>>({ returned: null, corrected: null });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [amendment, setAmendment] = useState<XmlAmendmentView | null>(null);

  const work = async () => {
    const { returned, corrected } = files.current;
    if (!returned || !corrected)
      return setNotice({
        intent: 'error',
        text: 'Choose both files: the file as returned and the corrected one.',
      });
    setBusy(true);
    setAmendment(null);
    setNotice({ intent: 'info', text: `Comparing ${returned.name} with ${corrected.name}…` });
    const [r, c] = await Promise.all([fileToBase64(returned), fileToBase64(corrected)]);
    for (const read of [r, c])
      if (!read.ok) {
        setBusy(false);
        return setNotice(fromError(read.error, 'No amendment was worked out'));
      }
    if (!r.ok || !c.ok) return;
    const out = await api['xmlFiles.amend']({
      returned: { fileName: returned.name, base64: r.value },
      corrected: { fileName: corrected.name, base64: c.value },
    });
    setBusy(false);
    if (!out.ok) return setNotice(fromError(out.error, 'No amendment was worked out'));
    setNotice(null);
    setAmendment(out.value);
  };

  const chooser = (which: Which, label: string, hint: string) => (
    <Field className={f.long} label={label} hint={hint} required>
      {(props) => (
        <input
          {...props}
          className={f.file}
          type="file"
          accept=".xml,.XML,text/xml,application/xml"
          onChange={(e) => {
            files.current[which] = e.currentTarget.files?.[0] ?? null;
            setAmendment(null);
            setNotice(null);
          }}
        />
      )}
    </Field>
  );

  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        Work out an amendment (2011-12)
      </h2>
      <Text>
        Compare the ILR XML file as returned with the corrected one. The amendment holds every
        learner that changed or was added, with all of its fields, as HEFCE’s guide asks; it is a
        ‘B’ file with the next serial number.
      </Text>
      <form
        aria-label="Work out an amendment"
        noValidate
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          void work();
        }}
      >
        <div className={f.row}>
          {chooser('returned', 'File as returned (.xml)', 'What HEFCE holds.')}
          {chooser('corrected', 'Corrected file (.xml)', 'The same learners after correction.')}
        </div>
        <div className={s.actions}>
          <Button
            type="submit"
            appearance="primary"
            icon={<DocumentSearchRegular />}
            disabledFocusable={busy}
          >
            Work out the amendment
          </Button>
        </div>
      </form>
      <LiveNotice notice={notice} />
      {amendment && <AmendmentView amendment={amendment} />}
    </section>
  );
}

function AmendmentView({ amendment: a }: { amendment: XmlAmendmentView }) {
  const s = useSectionStyles();
  const headingId = useId();
  const learners = a.changed.length + a.added.length;
  return (
    <div role="region" aria-labelledby={headingId}>
      <h3 id={headingId} className={s.subheading}>
        {a.fileName}
      </h3>
      <Text role="status">
        {`${plural(learners, 'learner')} to send (${a.changed.length} changed, ${a.added.length} added), every field; serial number ${a.serialNo}; ${a.unchanged} unchanged left out.`}
      </Text>
      {a.changed.length > 0 && (
        <List title="Changed" items={a.changed.map((c) => `${c.ref}: ${c.fields.join(', ')}`)} />
      )}
      {a.added.length > 0 && <List title="Added" items={a.added} />}
      {a.onlyInReturned.length > 0 && (
        <List
          title="Only in the file as returned (not in the amendment: the guide gives no XML form for deleting a learner)"
          items={a.onlyInReturned}
        />
      )}
      <div className={s.actions}>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => downloadBase64(a.fileName, a.base64, 'application/xml')}
        >
          {`Save ${a.fileName}`}
        </Button>
      </div>
    </div>
  );
}

function List({ title, items }: { title: string; items: readonly string[] }) {
  const id = useId();
  return (
    <>
      <Text id={id} weight="semibold" block>
        {title}
      </Text>
      <ul aria-labelledby={id}>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </>
  );
}
