// Numbered, append-only migrations. Each runs in one transaction with the user_version bump, and
// its SHA-256 is recorded so that an edit to a released migration fails loudly instead of leaving
// two databases with the same version and different schemas.
import { sql as initial } from './001-initial';
import { sql as uploads } from './002-uploads';
import { sql as dataRequests } from './003-data-requests';
import { sql as xmlFiles } from './004-xml-files';
import { sql as planLifecycle } from './005-plan-lifecycle';
import { sql as fileExtracts } from './006-file-extracts';
import { sql as destinationRemoval } from './007-destination-removal';
import { sql as wizardDrafts } from './008-wizard-drafts';
import { sql as auditKey } from './009-audit-key';
import { sql as auditPassphrase } from './010-audit-passphrase';
import { sql as destinationAreas } from './011-destination-areas';
import { sql as draftReturnedExtracts } from './012-draft-returned-extracts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'uploads', sql: uploads },
  { version: 3, name: 'data-requests', sql: dataRequests },
  { version: 4, name: 'xml-files', sql: xmlFiles },
  { version: 5, name: 'plan-lifecycle', sql: planLifecycle },
  { version: 6, name: 'file-extracts', sql: fileExtracts },
  { version: 7, name: 'destination-removal', sql: destinationRemoval },
  { version: 8, name: 'wizard-drafts', sql: wizardDrafts },
  { version: 9, name: 'audit-key', sql: auditKey },
  { version: 10, name: 'audit-passphrase', sql: auditPassphrase },
  { version: 11, name: 'destination-areas', sql: destinationAreas },
  { version: 12, name: 'draft-returned-extracts', sql: draftReturnedExtracts },
];

export const LATEST_VERSION = MIGRATIONS.length;
