// Checks the action plan dates when the app opens and whenever the history changes, and shows a
// desktop notification for each row whose date is 7 days or 1 day away (see plan-reminders.ts).
// Nothing is asked for here: permission comes from a button the user presses.
import { useEffect, useRef } from 'react';
import { useApi, useApiEvent } from './hooks';
import { STORAGE_KEY, dueReminders, parseShown, remember } from './plan-reminders';
import { notificationPermission } from './VerificationNotices';
import { goTo } from './use-route';

export function PlanReminders() {
  const api = useApi();
  const check = async () => {
    if (notificationPermission() !== 'granted') return;
    const r = await api['dashboard.get']();
    if (!r.ok) return;
    const shown = parseShown(localStorage.getItem(STORAGE_KEY));
    const due = dueReminders(r.value.items, r.value.today, shown);
    // Written before showing, so a second window checking at the same moment stays quiet.
    localStorage.setItem(STORAGE_KEY, JSON.stringify(remember(shown, due, r.value.today)));
    for (const d of due) {
      const n = new Notification(d.title, { body: d.body, tag: `plan-due:${d.key}` });
      n.onclick = () => {
        window.focus();
        goTo(d.link);
      };
    }
  };
  useApiEvent('history.changed', () => void check());
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    void latest.current();
    // The app may stay open past midnight with nothing changing: look again every hour.
    const timer = setInterval(() => void latest.current(), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, []);
  return null;
}
