// The app's question at start where there is no credential vault: the audit passphrase for this
// session, or "skip". Given, it is held in memory like the session's other secrets and the audit
// key derived from it at once, so a wrong one is refused before anything is written; skipped, the
// entries are hash-chained only (and marked as written without the key once the history has one).
import type { AuditKeyState } from '../../shared/ipc/views';
import type { Input, Output } from '../../shared/ipc/contract';
import { VaultUnavailableError } from '../../shared/ports';
import type { OperationHost } from './host';
import { keyAuditTrail } from './audit-key';
import { passphraseOf } from './audit-passphrase';
import { AUDIT_PASSPHRASE, KEPT_FOR_SESSION, sessionSecrets } from './session-secrets';

const skipped = new WeakSet<OperationHost>();

async function vaultReachable(host: OperationHost): Promise<boolean> {
  try {
    await host.vault.list();
    return true;
  } catch (e) {
    if (e instanceof VaultUnavailableError) return false;
    throw e;
  }
}

export async function auditKeyState(host: OperationHost): Promise<AuditKeyState> {
  const store = host.store();
  const passphrase =
    passphraseOf(host) !== undefined ? 'given' : skipped.has(host) ? 'skipped' : 'none';
  return {
    ask: passphrase === 'none' && !store.audit.keyed && !(await vaultReachable(host)),
    sealing: store.audit.keyed,
    passphrase,
    passphraseChosen: store.audit.keys().some((k) => k.salt),
  };
}

export async function setAuditPassphrase(
  host: OperationHost,
  input: Input<'audit.setPassphrase'>,
): Promise<Output<'audit.setPassphrase'>> {
  if ('skip' in input) {
    skipped.add(host);
    return {
      ...(await auditKeyState(host)),
      message:
        'Changes this session are written to the audit trail hash-chained only, not sealed with a key: they cannot be proven unchanged later.',
    };
  }
  const secrets = sessionSecrets(host);
  secrets.set(AUDIT_PASSPHRASE, input.passphrase);
  skipped.delete(host);
  try {
    // Made (or checked) now: a wrong passphrase is refused here, not at the first change.
    await keyAuditTrail(host, true);
  } catch (e) {
    secrets.delete(AUDIT_PASSPHRASE);
    throw e;
  }
  const state = await auditKeyState(host);
  return {
    ...state,
    message: state.sealing
      ? `Changes this session are sealed with the audit key derived from the passphrase. ${KEPT_FOR_SESSION}`
      : 'The audit passphrase is not needed: the credential vault keeps the audit key.',
  };
}
