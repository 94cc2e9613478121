// The app's channels on a real history, called the way the renderer calls them: input parsed by
// dispatch, failures as data, events heard. One per test; each closed after it.
import { afterEach } from 'vitest';
import { createOperations, dispatch } from '../../../../electron/operations';
import { createNodeHost } from '../../../../electron/web/node-host';
import type { NodeHost } from '../../../../electron/web/node-host';
import type { Channel, Output } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { MemoryVault } from '../../../support/memory-vault';

/** Call once per test file with the folder maker of useHistories. */
export function useApp(folder: () => string) {
  const hosts: NodeHost[] = [];
  afterEach(() => hosts.splice(0).forEach((h) => h.close()));
  return () => {
    const host = createNodeHost(folder(), { vault: new MemoryVault() });
    hosts.push(host);
    const events: unknown[] = [];
    host.subscribe((event, payload) => events.push([event, payload]));
    const operations = createOperations(host);
    const call = async <C extends Channel>(channel: C, input?: unknown) =>
      (await dispatch(operations, channel, input)) as Result<Output<C>>;
    const ok = async <C extends Channel>(channel: C, input?: unknown): Promise<Output<C>> => {
      const r = await call(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    return { host, call, ok, events };
  };
}

/**
 * Provider 105432 and a draft 2010-11 plan of one ADD row, through the channels as the app makes
 * them; the plan as created.
 */
export async function draftPlanThroughApp(
  ok: <C extends Channel>(channel: C, input?: unknown) => Promise<Output<C>>,
  description = 'Learners',
): Promise<Output<'plans.create'>> {
  await ok('providers.add', { upin: '105432', name: 'Riverside' });
  const plan = await ok('plans.create', {
    upin: '105432',
    year: '2010-11',
    title: 'R14',
    variant: 'general',
  });
  await ok('plans.addRow', {
    planId: plan.id,
    row: { kind: 'ADD', description, fields: 'all', records: 1, due: '2011-03-31' },
  });
  return plan;
}
