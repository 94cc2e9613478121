// The fixed IPC channel names, shared by main and the preload. Calls use the contract's channel
// names as they are; each event from main has a channel of its own, so the preload can listen to
// exactly the events the contract names and nothing else.
import type { Events } from '../../shared/ipc/contract';

// An object rather than an array so `satisfies` fails to compile when the contract gains or loses
// an event and this list does not follow.
const EVENTS = {
  'upload.progress': true,
  'verification.result': true,
  'history.changed': true,
} as const satisfies Record<keyof Events, true>;

export type EventName = keyof Events;

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, name);
}

export function eventChannel(event: EventName): string {
  return `returndesk:event:${event}`;
}
