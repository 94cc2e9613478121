import type { Channel } from '../../../shared/ipc/contract';
import type { Hints } from './types';

/** The channels that look a file up by its name. */
const BY_NAME: ReadonlySet<Channel> = new Set([
  'files.get',
  'files.content',
  'files.discard',
  'files.mark',
]);
const XML_BY_NAME: ReadonlySet<Channel> = new Set([
  'xmlFiles.get',
  'xmlFiles.mark',
  'xmlFiles.withdraw',
]);

export const fileHints: Hints = (error, channel) => {
  // The record count differs from the plan row's: the operation asks for a reason.
  if (channel === 'files.build' && error.message.includes('state the reason for the difference'))
    return "Check the extract, or give the reason with --reason 'TEXT'.";
  if (error.code !== 'NOT_FOUND') return null;
  if (BY_NAME.has(channel)) return "'returndesk files list' shows them.";
  if (XML_BY_NAME.has(channel)) return "'returndesk files list --xml' shows them.";
  // Building against a plan or row that is not there.
  if (channel === 'files.build')
    return "'returndesk plan list' and 'returndesk plan show --plan ID' show the plans and their rows.";
  return null;
};
