import type { Database as Db } from 'better-sqlite3';
import type { AuditLog } from './audit';
import { translateSqliteError } from './errors';

/** What every repository needs: the connection, the audit trail, the clock and transactions. */
export interface StoreContext {
  db: Db;
  audit: AuditLog;
  now: () => Date;
  /** The database file, for error messages. */
  where: string;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: it takes the write lock up front, so two processes
 * never both read "next NN = 4" and both write it. Synchronous by design: nothing may be awaited
 * inside a transaction.
 */
export function inTransaction<T>(ctx: StoreContext, fn: () => T): T {
  try {
    return ctx.db.transaction(fn).immediate();
  } catch (e) {
    throw translateSqliteError(e, ctx.where);
  }
}

export function read<T>(ctx: StoreContext, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw translateSqliteError(e, ctx.where);
  }
}
