// What a verification result says, in the toast and in the desktop notification alike.
import type { Events } from '../../shared/ipc/contract';

export interface VerificationMessage {
  intent: 'success' | 'error';
  title: string;
  body: string;
}

export function verificationMessage(r: Events['verification.result']): VerificationMessage {
  if (r.status === 'accepted') {
    return {
      intent: 'success',
      title: `${r.fileName} was accepted`,
      body: 'It passed the receiver’s checks. It now shows on the Previous tab of the dashboard.',
    };
  }
  const details = r.messages.length ? r.messages.join(' ') : 'No details were given.';
  return {
    intent: 'error',
    title: `${r.fileName} failed validation`,
    body: `${details} Correct the file and upload it again.`,
  };
}

export type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

/** Whether to offer the "desktop notifications" button: only while the user has not decided. */
export const shouldOfferNotifications = (p: Permission): boolean => p === 'default';
