// What to type next after an upload or destination problem. The operations' messages name the
// destination; these hints name the commands.
import type { Hints } from './types';
import type { DestinationCheck } from '../../../shared/ipc/views';

export const uploadHints: Hints = (error) => {
  switch (error.code) {
    case 'NOT_FOUND':
      // Any command naming a destination (uploads, portal syncs) can meet this one.
      return /^There is no destination named /.test(error.message)
        ? "'returndesk destination list' shows them."
        : null;
    case 'INVALID_INPUT':
      return /; choose the area to upload to\.$/.test(error.message)
        ? 'Name it with --area.'
        : null;
    case 'NO_PASSWORD': {
      const named = /^No password is stored for .+ at '(.+)'\.$/.exec(error.message)?.[1];
      return named === undefined
        ? 'Give the password with --password-stdin.'
        : `Run 'returndesk login --destination "${named}" --password-stdin', or give it with --password-stdin.`;
    }
    case 'NOT_A_MEMBER':
      return "'returndesk destination area key NAME --area AREA --group-key-stdin' keeps the area's group key in the credential vault.";
    case 'TLS_UNTRUSTED':
      return "Give it with 'returndesk destination update NAME --ca FILE', or when adding one, with --ca.";
    case 'INVALID_FILE':
      return /confirm to upload (it|them) unchecked\.$/.test(error.message)
        ? 'Check what the file is; to send it anyway, add --confirm-unchecked.'
        : null;
    case 'SERVER_ERROR':
      return /has not issued a receipt/.test(error.message)
        ? "'returndesk status' asks again."
        : null;
    default:
      return null;
  }
};

/** After `status` could not ask a destination: how to give its password. */
export function cannotCheckHint(d: DestinationCheck): string {
  return d.needsPassword
    ? `Give it with --password-stdin, or run 'returndesk login --destination "${d.destination}" --password-stdin'.`
    : "'returndesk status' asks again.";
}
