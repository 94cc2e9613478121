// Offers desktop notifications while the user has not decided. Permission is asked only when they
// press it: browsers ignore (and users resent) requests nobody asked for.
import { Button } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { shouldOfferNotifications } from '../app/verification';
import { notificationPermission } from '../app/VerificationNotices';

export function NotificationsButton({ reason }: { reason: string }) {
  const [permission, setPermission] = useState(notificationPermission);
  if (!shouldOfferNotifications(permission)) return null;
  return (
    <Button
      icon={<AlertRegular />}
      title={reason}
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      Turn on desktop notifications
    </Button>
  );
}
