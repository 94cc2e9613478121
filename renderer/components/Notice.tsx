// Results of async work, announced to screen readers: errors interrupt (role=alert), other results
// wait their turn (role=status). The region exists before the message does, so it is announced.
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AppError } from '../../shared/ipc/result';

export type NoticeIntent = 'success' | 'warning' | 'error' | 'info';

export interface NoticeMessage {
  intent: NoticeIntent;
  title?: string;
  text: ReactNode;
}

export function fromError(error: AppError, title?: string): NoticeMessage {
  return { intent: 'error', title, text: error.message };
}

const useStyles = makeStyles({
  // Spaced only when showing something, so an empty region leaves no gap in the layout.
  shown: { margin: `${tokens.spacingVerticalS} 0` },
});

export function LiveNotice({ notice }: { notice: NoticeMessage | null }) {
  const s = useStyles();
  const urgent = notice?.intent === 'error';
  return (
    <div
      role={urgent ? 'alert' : 'status'}
      aria-live={urgent ? 'assertive' : 'polite'}
      className={notice ? s.shown : undefined}
    >
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
