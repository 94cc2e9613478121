// Which code answers which channel. Each domain's operations are loaded on first use, so a door
// pays only for what it calls: `returndesk validate` (the checks domain) never loads SQLite, the
// vault or exceljs.
// The map is typed by the contract: a channel added there without a domain here fails to compile.
import type { Channel } from '../../shared/ipc/contract';
import type { OperationHost } from './host';
import type { OperationTable } from './table';

export type Domain =
  | 'settings'
  | 'history'
  | 'dashboard'
  | 'plans'
  | 'files'
  | 'checks'
  | 'xml'
  | 'batches'
  | 'uploads'
  | 'portal'
  | 'portalCheck'
  | 'receipts';

type Factory = (host: OperationHost) => Partial<OperationTable>;

export const LOADERS: Readonly<Record<Domain, () => Promise<Factory>>> = {
  settings: async () => (await import('./settings')).settingsOperations,
  history: async () => (await import('./history')).historyOperations,
  dashboard: async () => (await import('./dashboard')).dashboardOperations,
  plans: async () => (await import('./plans')).planOperations,
  files: async () => (await import('./files')).fileOperations,
  checks: async () => (await import('./checks')).checkOperations,
  xml: async () => (await import('./xml')).xmlOperations,
  batches: async () => (await import('./batches')).batchOperations,
  uploads: async () => (await import('./uploads')).uploadOperations,
  portal: async () => (await import('./portal')).portalOperations,
  // Apart from the rest of the portal's operations: checking a file on disk against a
  // specification (`returndesk portal check`) needs neither the history nor the network.
  portalCheck: async () => (await import('./portal-check')).portalCheckOperations,
  receipts: async () => (await import('./receipts')).receiptOperations,
};

export const DOMAIN_OF: Readonly<Record<Channel, Domain>> = {
  'app.info': 'settings',
  'providers.list': 'settings',
  'providers.add': 'settings',
  'providers.update': 'settings',
  'destinations.list': 'settings',
  'destinations.add': 'settings',
  'destinations.setPassword': 'settings',
  'destinations.forgetPassword': 'settings',
  'destinations.setGroupKey': 'settings',
  'destinations.test': 'settings',
  'backups.list': 'history',
  'backups.create': 'history',
  'backups.restore': 'history',
  'audit.verify': 'history',
  'audit.list': 'history',
  'dashboard.get': 'dashboard',
  'plans.list': 'plans',
  'plans.get': 'plans',
  'plans.create': 'plans',
  'plans.addRow': 'plans',
  'plans.updateRow': 'plans',
  'plans.removeRow': 'plans',
  'plans.move': 'plans',
  'plans.revise': 'plans',
  'plans.exportXlsx': 'plans',
  'plans.importXlsx': 'plans',
  'mappings.get': 'plans',
  'mappings.save': 'plans',
  'files.list': 'files',
  'files.get': 'files',
  'files.content': 'files',
  'files.discard': 'files',
  'files.finalise': 'files',
  'files.build': 'files',
  'files.mark': 'files',
  'files.check': 'checks',
  'xmlFiles.list': 'xml',
  'xmlFiles.get': 'xml',
  'xmlFiles.check': 'xml',
  'xmlFiles.add': 'xml',
  'xmlFiles.mark': 'xml',
  'xmlFiles.withdraw': 'xml',
  'batches.check': 'xml',
  'batches.override': 'xml',
  'batches.list': 'batches',
  'batches.get': 'batches',
  'batches.create': 'batches',
  'batches.add': 'batches',
  'batches.remove': 'batches',
  'batches.signOff': 'batches',
  'uploads.list': 'uploads',
  'uploads.start': 'uploads',
  'uploads.stop': 'uploads',
  'uploads.refresh': 'uploads',
  'portal.requests': 'portal',
  'portal.sync': 'portal',
  'portal.addRequest': 'portal',
  'portal.importRequests': 'portal',
  'portal.formats': 'portal',
  'portal.importFormat': 'portal',
  'portal.check': 'portal',
  'portal.checkFile': 'portalCheck',
  'portal.upload': 'portal',
  'portal.nilReturn': 'portal',
  'receipts.get': 'receipts',
  'dataOfficer.get': 'receipts',
  'dataOfficer.set': 'receipts',
};
