// The files part of a 2011-12 batch: the re-submission set, adding XML files, the earlier files it
// leaves out (add back or withdraw), and the override with its reason.
import { Text } from '@fluentui/react-components';
import { useId } from 'react';
import type { Batch } from '../../../shared/history/types';
import type { Result } from '../../../shared/ipc/result';
import { useApi } from '../../app/hooks';
import type { NoticeMessage } from '../../components/Notice';
import { useSectionStyles } from '../../components/ScreenTitle';
import { withdrawXml } from '../files/xml/xml-actions';
import { AddXmlFileZone } from './AddXmlFileZone';
import { KeptXmlPanel } from './KeptXmlPanel';
import { MissingXmlPanel } from './MissingXmlPanel';
import { OverrideForm } from './OverrideForm';
import { XmlBatchFilesTable } from './XmlBatchFilesTable';
import { XML_RULE } from './xml-batch-model';

interface Props {
  batch: Batch;
  editable: boolean;
  busy: boolean;
  change: (what: string, call: () => Promise<Result<Batch>>, done: string) => Promise<void>;
  announce: (before: Batch, after: Batch, done: string) => void;
  notify: (n: NoticeMessage) => void;
  reload: () => void;
}

export function XmlBatchSection(p: Props) {
  const s = useSectionStyles();
  const api = useApi();
  const filesId = useId();
  const b = p.batch;
  return (
    <section className={s.section} aria-labelledby={filesId}>
      <h2 id={filesId} className={s.heading}>
        Re-submission set
      </h2>
      <Text className={s.muted}>{XML_RULE}</Text>
      <XmlBatchFilesTable
        batch={b}
        editable={p.editable}
        busy={p.busy}
        onRemove={(name) =>
          void p.change(
            'Removing the file',
            () => api['batches.remove']({ batchId: b.id, name }),
            `Removed ${name}.`,
          )
        }
      />
      <MissingXmlPanel
        batch={b}
        editable={p.editable}
        busy={p.busy}
        onAddBack={(name) =>
          void p.change(
            'Adding the file back',
            () => api['batches.add']({ batchId: b.id, names: [name] }),
            `Added ${name} back.`,
          )
        }
        onWithdraw={(name, reason) =>
          void withdrawXml(api, name, reason).then((n) => {
            p.notify(n);
            p.reload();
          })
        }
      />
      <OverrideForm
        batch={b}
        busy={p.busy}
        onOverride={(reason) =>
          void p.change(
            'The override',
            () => api['batches.override']({ batchId: b.id, reason }),
            `Batch ${b.id} may now be uploaded without the files it leaves out. Your reason is kept in the audit trail.`,
          )
        }
      />
      {p.editable && (
        <>
          <h3 className={s.subheading}>Add XML files</h3>
          {b.status === 'signed_off' && (
            <Text>
              Adding or removing a file now withdraws {b.signedOffBy}’s sign-off: the batch must
              then be signed off again.
            </Text>
          )}
          <KeptXmlPanel
            batch={b}
            busy={p.busy}
            onAdd={(names) =>
              void p.change(
                'Adding the kept files',
                () => api['batches.add']({ batchId: b.id, names }),
                `Added ${names.join(', ')}.`,
              )
            }
          />
          <AddXmlFileZone batch={b} busy={p.busy} onChanged={p.announce} />
        </>
      )}
    </section>
  );
}
