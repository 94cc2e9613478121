// One file checked in a worker and shown with the same report as the wizard's preview.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { WorkProgress } from '../../../components/WorkProgress';
import { ReportView } from '../report/ReportView';
import type { CheckSource } from './use-checked-file';
import { useCheckedFile } from './use-checked-file';

export function CheckedFileView({ source, height }: { source: CheckSource; height?: string }) {
  const check = useCheckedFile(source);
  if (check.progress) return <WorkProgress progress={check.progress} />;
  if (check.error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{source.name} could not be checked</MessageBarTitle>
          {check.error}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { result, worker } = check;
  if (!result || !worker) return null;
  return (
    <ReportView
      fileName={source.name}
      report={result.report}
      lineCount={result.lineCount}
      source={result}
      height={height}
      fetchLines={(from, to) => worker.rpc.call('lines', { from, to })}
    />
  );
}
