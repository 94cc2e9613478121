// A status in words with its colour: the words carry the meaning, the colour only repeats it.
// Long statuses wrap inside narrow table cells instead of overflowing them.
import { Badge, makeStyles } from '@fluentui/react-components';

export type StatusColor = 'informative' | 'warning' | 'danger' | 'success' | 'subtle';

const useStyles = makeStyles({
  badge: { whiteSpace: 'normal', height: 'auto', minHeight: '20px', textAlign: 'left' },
});

export function StatusBadge({ label, color }: { label: string; color: StatusColor }) {
  const s = useStyles();
  return (
    <Badge className={s.badge} appearance="tint" shape="rounded" color={color}>
      {label}
    </Badge>
  );
}
