// Files from this computer, checked before they are sent: what each one is (amendment file, ILR
// XML file, data-portal file) with its findings; a file that is none of these is named with its
// size and rows, needs the user's explicit confirmation, and is said to look like a raw MIS
// extract that may hold learners' personal data when its columns suggest so.
import { Checkbox, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UploadFileCheck } from '../../../shared/ipc/uploads';
import { formatBytes } from '../../app/format';
import { useApi } from '../../app/hooks';
import { LiveNotice } from '../../components/Notice';

const KIND: Record<UploadFileCheck['kind'], string> = {
  amendment: 'Amendment file',
  xml: 'ILR XML file',
  portal: 'Data-portal file',
  unchecked: 'Not a file ReturnDesk can check',
};

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

function describe(c: UploadFileCheck): string {
  if (c.kind === 'unchecked') return `${formatBytes(c.bytes)}, ${plural(c.rows, 'row')}`;
  const what =
    c.kind === 'portal'
      ? `${c.template}, ${plural(c.rows, 'row')}`
      : plural(c.rows, c.kind === 'xml' ? 'learner' : 'record');
  return `${what}: ${c.errors === 0 ? 'no errors' : plural(c.errors, 'error')}${c.warnings ? `, ${plural(c.warnings, 'warning')}` : ''}`;
}

export interface DiskChecks {
  /** null while checking. */
  checks: UploadFileCheck[] | null;
  confirmed: boolean;
  /** True when a file cannot be checked and the user has not confirmed sending it. */
  blocked: boolean;
}

export function useDiskChecks(files: { fileName: string; base64: string }[] | null) {
  const api = useApi();
  const [checks, setChecks] = useState<UploadFileCheck[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setChecks(null);
    setError(null);
    if (!files?.length) return;
    let live = true;
    void api['uploads.check']({ files }).then((r) => {
      if (!live) return;
      if (r.ok) setChecks(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, files]);
  return { checks, error };
}

export function DiskFileChecks({
  checks,
  error,
  confirmed,
  onConfirmed,
}: {
  checks: UploadFileCheck[] | null;
  error: string | null;
  confirmed: boolean;
  onConfirmed: (v: boolean) => void;
}) {
  if (error) return <LiveNotice notice={{ intent: 'error', text: error }} />;
  if (!checks) return <Spinner size="tiny" label="Checking the files…" />;
  const unchecked = checks.filter((c) => c.kind === 'unchecked');
  const personal = unchecked.filter((c) => c.personalData.length > 0);
  return (
    <>
      <ul aria-label="What the files are">
        {checks.map((c) => (
          <li key={c.fileName}>
            <Text weight="semibold">{c.fileName}</Text>: {KIND[c.kind]} ({describe(c)})
          </li>
        ))}
      </ul>
      {personal.length > 0 && (
        <LiveNotice
          notice={{
            intent: 'warning',
            title: 'This may hold learners’ personal data',
            text: personal
              .map(
                (c) =>
                  `${c.fileName} has ${plural(c.rows, 'row')} and columns such as ${c.personalData.slice(0, 6).join(', ')}: it looks like a raw MIS extract, not a return.`,
              )
              .join(' '),
          }}
        />
      )}
      {unchecked.length > 0 && (
        <Checkbox
          checked={confirmed}
          onChange={(_, d) => onConfirmed(d.checked === true)}
          label={`Upload ${unchecked.map((c) => `${c.fileName} (${formatBytes(c.bytes)}, ${plural(c.rows, 'row')})`).join(', ')} unchecked: I know what ${unchecked.length === 1 ? 'it is' : 'they are'} and that it is meant for this area.`}
        />
      )}
    </>
  );
}
