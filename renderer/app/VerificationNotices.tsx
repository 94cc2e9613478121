// Verification results arrive whenever the receiver finishes checking, whatever screen is open:
// a toast in the window, and a desktop notification if the user has allowed them.
import {
  Link,
  Toast,
  ToastBody,
  ToastTitle,
  ToastTrigger,
  Toaster,
  useToastController,
} from '@fluentui/react-components';
import { useApiEvent } from './hooks';
import { verificationMessage } from './verification';
import type { Permission } from './verification';

export const TOASTER_ID = 'returndesk-toasts';

export function notificationPermission(): Permission {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export function VerificationNotices() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  useApiEvent('verification.result', (result) => {
    const m = verificationMessage(result);
    dispatchToast(
      <Toast>
        <ToastTitle
          action={
            <ToastTrigger>
              <Link>Dismiss</Link>
            </ToastTrigger>
          }
        >
          {m.title}
        </ToastTitle>
        <ToastBody>{m.body}</ToastBody>
      </Toast>,
      { intent: m.intent, timeout: m.intent === 'error' ? -1 : 10_000, politeness: 'assertive' },
    );
    if (notificationPermission() === 'granted') {
      // Shown even when the window is hidden behind others: the reason to allow notifications.
      new Notification(m.title, { body: m.body, tag: `verification:${result.fileName}` });
    }
  });
  return <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}
