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
  | 'planRows'
  | 'files'
  | 'checks'
  | 'compare'
  | 'xml'
  | 'xmlAmend'
  | 'batches'
  | 'uploads'
  | 'portal'
  | 'portalCheck'
  | 'loop'
  | 'receipts';

type Factory = (host: OperationHost) => Partial<OperationTable>;

export const LOADERS: Readonly<Record<Domain, () => Promise<Factory>>> = {
  settings: async () => (await import('./settings')).settingsOperations,
  history: async () => (await import('./history')).historyOperations,
  dashboard: async () => (await import('./dashboard')).dashboardOperations,
  plans: async () => (await import('./plans')).planOperations,
  planRows: async () => (await import('./plan-rows')).planRowOperations,
  files: async () => (await import('./files')).fileOperations,
  checks: async () => (await import('./checks')).checkOperations,
  // Comparing two extracts needs no history: `returndesk compare` runs it without SQLite.
  compare: async () => (await import('./compare')).compareOperations,
  xml: async () => (await import('./xml')).xmlOperations,
  xmlAmend: async () => (await import('./xml-amend')).xmlAmendOperations,
  batches: async () => (await import('./batches')).batchOperations,
  uploads: async () => (await import('./uploads')).uploadOperations,
  portal: async () => (await import('./portal')).portalOperations,
  // Apart from the rest of the portal's operations: checking a file on disk against a
  // specification (`returndesk portal check`) needs neither the history nor the network.
  portalCheck: async () => (await import('./portal-check')).portalCheckOperations,
  // After a batch is accepted: HEFCE's updated outputs, then the impact confirmed or not.
  loop: async () => (await import('./batch-outcomes')).batchOutcomeOperations,
  receipts: async () => (await import('./receipts')).receiptOperations,
};

export const DOMAIN_OF: Readonly<Record<Channel, Domain>> = {
  'app.info': 'settings',
  'providers.list': 'settings',
  'providers.add': 'settings',
  'providers.update': 'settings',
  'destinations.list': 'settings',
  'destinations.add': 'settings',
  'destinations.update': 'settings',
  'destinations.remove': 'settings',
  'destinations.setPassword': 'settings',
  'destinations.forgetPassword': 'settings',
  'destinations.setGroupKey': 'settings',
  'destinations.test': 'settings',
  'destinations.addArea': 'settings',
  'destinations.removeArea': 'settings',
  'backups.list': 'history',
  'backups.create': 'history',
  'backups.restore': 'history',
  'backups.describe': 'history',
  'audit.verify': 'history',
  'audit.list': 'history',
  'audit.keyState': 'history',
  'audit.setPassphrase': 'history',
  'dashboard.get': 'dashboard',
  'plans.list': 'plans',
  'plans.get': 'plans',
  'plans.create': 'plans',
  'plans.addRow': 'plans',
  'plans.addRows': 'planRows',
  'plans.updateRow': 'plans',
  'plans.removeRow': 'plans',
  'plans.move': 'plans',
  'plans.undo': 'plans',
  'plans.revise': 'plans',
  'plans.exportXlsx': 'plans',
  'plans.evidence': 'plans',
  'plans.importXlsx': 'plans',
  'mappings.get': 'plans',
  'mappings.save': 'plans',
  'files.list': 'files',
  'files.get': 'files',
  'files.content': 'files',
  'files.discard': 'files',
  'files.finalise': 'files',
  'files.preview': 'files',
  'files.drafts': 'files',
  'files.draft': 'files',
  'files.saveDraft': 'files',
  'files.saveDraftExtract': 'files',
  'files.discardDraft': 'files',
  'files.build': 'files',
  'files.mark': 'files',
  'files.check': 'checks',
  'files.compare': 'compare',
  'xmlFiles.list': 'xml',
  'xmlFiles.get': 'xml',
  'xmlFiles.check': 'xml',
  'xmlFiles.add': 'xml',
  'xmlFiles.mark': 'xml',
  'xmlFiles.withdraw': 'xml',
  'xmlFiles.amend': 'xmlAmend',
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
  'uploads.check': 'uploads',
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
  'batches.outcome': 'loop',
  'batches.recordOutputs': 'loop',
  'batches.recordImpact': 'loop',
  'receipts.get': 'receipts',
  'dataOfficer.get': 'receipts',
  'dataOfficer.set': 'receipts',
};
