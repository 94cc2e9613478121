// Routes #/portal to the dashboard of data requests and #/portal/upload/ID to the upload for one
// request, keyed so each loads afresh.
import type { AppInfo } from '../../../shared/ipc/views';
import { PortalListScreen } from './PortalListScreen';
import { PortalUploadPage } from './PortalUploadPage';

export function PortalScreen({ params, info }: { params: string[]; info: AppInfo }) {
  const id = Number(params[1]);
  if (params[0] === 'upload' && Number.isInteger(id) && id > 0)
    return <PortalUploadPage key={id} requestId={id} info={info} />;
  return <PortalListScreen info={info} />;
}
