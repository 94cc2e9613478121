// The name and NN finalising would give now, read from the history without reserving anything:
// the preview names the real file, and finalising can say when a colleague took that NN first.
import { useEffect, useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { useApi, useApiEvent } from '../../../app/hooks';
import type { WizardState } from './wizard-state';

export interface NextName {
  name: string;
  seq: number;
}

/** The NN an addition set's files share once one of them is finalised. */
export function setSeqOf(state: WizardState): number | undefined {
  if (state.row?.kind !== 'ADD') return undefined;
  for (const p of Object.values(state.parts)) if (p.finalised?.seq) return p.finalised.seq;
  return undefined;
}

/** undefined while asking; null when the history could not say (the preview then uses 01). */
export function useNextName(state: WizardState, dataSet: DataSet): NextName | null | undefined {
  const api = useApi();
  const [next, setNext] = useState<NextName | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // Another window or a colleague finalising changes the answer.
  useApiEvent('history.changed', () => setVersion((v) => v + 1));
  const row = state.row;
  const seq = setSeqOf(state);
  const additionType = row?.kind === 'ADD' ? state.additionType : undefined;
  useEffect(() => {
    if (!row) return;
    let live = true;
    void api['files.preview']({
      planId: row.planId,
      ref: row.ref,
      kind: row.kind,
      dataSet,
      additionType,
      seq,
    }).then((r) => live && setNext(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, row, dataSet, additionType, seq, version]);
  return next;
}
