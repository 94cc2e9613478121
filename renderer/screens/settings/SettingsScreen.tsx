// Settings: providers, the data officer's name, upload destinations, the data folder, backups and the audit-trail check.
import type { AppInfo } from '../../../shared/ipc/views';
import { ScreenTitle } from '../../components/ScreenTitle';
import { AuditSection } from './AuditSection';
import { BackupsSection } from './BackupsSection';
import { DataFolderSection } from './DataFolderSection';
import { DataOfficerSection } from './DataOfficerSection';
import { DestinationsSection } from './DestinationsSection';
import { ProvidersSection } from './ProvidersSection';

export function SettingsScreen({ info }: { info: AppInfo }) {
  return (
    <>
      <ScreenTitle title="Settings">Settings</ScreenTitle>
      <ProvidersSection />
      <DataOfficerSection />
      <DestinationsSection vaultAvailable={info.vault.available} />
      <DataFolderSection info={info} />
      <BackupsSection />
      <AuditSection />
    </>
  );
}
