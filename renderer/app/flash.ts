// A message for the next screen: after an action that moves the user elsewhere (creating a plan
// opens it, revising opens the new version), the outcome is said there rather than lost.
import { useContext, useEffect, useState } from 'react';
import type { NoticeMessage } from '../components/Notice';
import { DraftsContext } from './hooks';

const KEY = 'flash';

/** The message left for this screen (read once), and a way to leave one for the next. */
export function useFlash(): [NoticeMessage | null, (n: NoticeMessage) => void] {
  const drafts = useContext(DraftsContext);
  const [message] = useState(() => drafts.get<NoticeMessage | null>(KEY, null));
  // Cleared after the first render rather than while reading, which React may do twice.
  useEffect(() => drafts.clear(KEY), [drafts]);
  return [message, (n) => drafts.set(KEY, n)];
}
