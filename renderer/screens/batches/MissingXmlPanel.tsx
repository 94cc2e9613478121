// "Missing earlier files": XML files already submitted for the batch's provider and year that the
// batch leaves out. Each can be added back, or withdrawn (with a reason) if it should no longer
// count; otherwise the batch needs an override before it is uploaded.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Batch } from '../../../shared/history/types';
import { WithdrawXmlDialog } from '../files/xml/WithdrawXmlDialog';
import { missingWhere } from './xml-batch-model';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

interface Props {
  batch: Batch;
  editable: boolean;
  busy: boolean;
  onAddBack: (name: string) => void;
  onWithdraw: (name: string, reason: string) => void;
}

export function MissingXmlPanel({ batch, editable, busy, onAddBack, onWithdraw }: Props) {
  const s = useStyles();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const missing = batch.xml?.missing ?? [];
  if (missing.length === 0) return null;
  const covered = (name: string) => batch.xml?.override?.missing.includes(name) ?? false;
  return (
    <MessageBar intent={batch.xml?.uploadable ? 'info' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Missing earlier files ({missing.length})</MessageBarTitle>
        These XML files were already submitted for {batch.upin} {batch.year} but are not in this
        batch.
        <ul className={s.list} aria-label="Missing earlier files">
          {missing.map((m) => (
            <li key={m.name} className={s.item}>
              <span className={s.name}>{m.name}</span>
              <span>
                {missingWhere(m)}
                {covered(m.name) ? '; left out by the override' : ''}.
              </span>
              {editable && (
                <Button
                  size="small"
                  icon={<AddRegular />}
                  aria-label={`Add ${m.name} back to the batch`}
                  disabledFocusable={busy}
                  onClick={() => onAddBack(m.name)}
                >
                  Add it back
                </Button>
              )}
              <Button
                size="small"
                icon={<DeleteRegular />}
                aria-label={`Withdraw ${m.name}…`}
                disabledFocusable={busy}
                onClick={() => setWithdrawing(m.name)}
              >
                Withdraw…
              </Button>
            </li>
          ))}
        </ul>
      </MessageBarBody>
      <WithdrawXmlDialog
        name={withdrawing}
        busy={busy}
        onCancel={() => setWithdrawing(null)}
        onConfirm={(name, reason) => {
          setWithdrawing(null);
          onWithdraw(name, reason);
        }}
      />
    </MessageBar>
  );
}
