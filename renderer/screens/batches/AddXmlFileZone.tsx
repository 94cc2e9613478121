// "Add XML file": files dropped or chosen here are checked by main and, without errors, kept and
// added to the batch in one step. A refused file's findings are shown with the full check, since
// the refusal itself names only the first errors.
import { Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { FileReport } from '../../../shared/amd';
import type { Batch } from '../../../shared/history/types';
import { readChosenFile } from '../../app/bytes';
import { useApi } from '../../app/hooks';
import { FileDropZone } from '../../components/FileDropZone';
import type { NoticeMessage } from '../../components/Notice';
import { LiveNotice, fromError } from '../../components/Notice';
import { XmlReportView } from '../files/xml/XmlReportView';

interface Props {
  batch: Batch;
  busy: boolean;
  onChanged: (before: Batch, after: Batch, done: string) => void;
}

export function AddXmlFileZone({ batch, busy, onChanged }: Props) {
  const api = useApi();
  const [working, setWorking] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [refused, setRefused] = useState<{ name: string; report: FileReport } | null>(null);

  const add = async (files: File[]) => {
    setNotice(null);
    setRefused(null);
    let current = batch;
    const added: string[] = [];
    for (const file of files) {
      setWorking(file.name);
      const read = await readChosenFile(file);
      if (!read.ok) {
        setNotice(fromError(read.error, `${file.name} was not added`));
        break;
      }
      const { fileName, base64 } = read.value;
      const r = await api['xmlFiles.add']({ fileName, base64, batchId: batch.id });
      if (!r.ok) {
        setWorking(null);
        setNotice(fromError(r.error, `${fileName} was not added`));
        // The refusal names the first errors; the check shows them all, with line and column.
        if (r.error.code === 'INVALID_INPUT') {
          const c = await api['xmlFiles.check']({ fileName, base64 });
          if (c.ok && c.value.errors > 0) setRefused({ name: fileName, report: c.value });
        }
        break;
      }
      added.push(r.value.file.name);
      if (r.value.batch) {
        onChanged(current, r.value.batch, `Added ${added.join(', ')}.`);
        current = r.value.batch;
      }
    }
    setWorking(null);
  };

  return (
    <>
      <FileDropZone
        label="ILR XML files to add (.xml)"
        hint="Each file is checked first; a file with errors is not added."
        accept=".xml,.XML,text/xml,application/xml"
        multiple
        disabled={busy || working !== null}
        onFiles={(files) => void add(files)}
      />
      {working && <Spinner size="small" label={`Checking and adding ${working}…`} />}
      <LiveNotice notice={notice} />
      {refused && <XmlReportView fileName={refused.name} report={refused.report} />}
    </>
  );
}
