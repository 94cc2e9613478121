// The wizard's draft in the history: saved as the user works (once a plan row is chosen), offered
// on arrival when the page starts afresh (a reload, a restart), restored with its extracts loaded
// again in their workers (and compared again with the data as returned), and discarded on "Start
// again" or once every file is finalised.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../../shared/ipc/files';
import type { DataSet } from '../../../../shared/amd';
import { useApi } from '../../../app/hooks';
import type { ExtractWorkers } from '../workers/registry';
import { decodeDraft, draftKeyOf, draftLabelOf, encodeDraft } from './draft-codec';
import type { WizardAction, WizardState } from './wizard-state';
import { START } from './wizard-state';
import { restorePart } from './restore-draft';
import { partsOf, reachable } from './wizard-steps';

const SAVE_AFTER_MS = 400;

export interface WizardDraft {
  /** The draft offered to continue, until the user answers. */
  offer: DraftSummary | null;
  restoring: boolean;
  problem: string | null;
  /** Continue the offered draft. */
  resume: () => Promise<void>;
  /** Start fresh: the offered draft is discarded. */
  decline: () => void;
  /** Discard the current draft (Start again). */
  discard: () => void;
  /** How the saving of the work so far stands, to say beside the wizard's buttons. */
  saving: 'saving' | 'saved' | string | null;
  /** Comparisons the continued draft had and could not make again, by data set, saying why. */
  lostComparisons: Partial<Record<DataSet, string>>;
}

export function useWizardDraft(
  state: WizardState,
  dispatch: (a: WizardAction) => void,
  workers: ExtractWorkers,
  preferredKey: string | null,
): WizardDraft {
  const api = useApi();
  // Only a wizard starting afresh offers a draft; one kept in memory is already the latest work.
  const [settled, setSettled] = useState(state !== START);
  const [offer, setOffer] = useState<DraftSummary | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [lostComparisons, setLostComparisons] = useState<WizardDraft['lostComparisons']>({});
  const savedKey = useRef<string | null>(state.row ? draftKeyOf(state.row) : null);
  const [saving, setSaving] = useState<WizardDraft['saving']>(null);
  const latestSave = useRef(0);

  useEffect(() => {
    if (settled) return;
    let live = true;
    void api['files.drafts']({}).then((r) => {
      if (!live) return;
      const drafts = r.ok ? r.value : [];
      const chosen = drafts.find((d) => d.key === preferredKey) ?? drafts[0] ?? null;
      setOffer(chosen);
      if (!chosen) setSettled(true);
    });
    return () => {
      live = false;
    };
  }, [api, settled, preferredKey]);

  // Saved as the user works; not while a draft is on offer, which would overwrite it.
  const done = state.row !== null && partsOf(state).every((d) => state.parts[d].finalised);
  useEffect(() => {
    if (!settled || !state.row || done) return;
    const row = state.row;
    const mine = ++latestSave.current;
    setSaving('saving');
    const t = setTimeout(() => {
      const key = draftKeyOf(row);
      const from = savedKey.current ?? undefined;
      savedKey.current = key;
      void api['files.saveDraft']({
        key,
        label: draftLabelOf(row),
        state: encodeDraft(state),
        from,
      }).then((r) => {
        // An older save finishing after a newer change does not say the work is saved.
        if (mine === latestSave.current) setSaving(r.ok ? 'saved' : r.error.message);
      });
    }, SAVE_AFTER_MS);
    return () => clearTimeout(t);
  }, [api, settled, state, done]);

  // Finalising every file of the row clears its draft.
  useEffect(() => {
    if (done && state.row) void api['files.discardDraft']({ key: draftKeyOf(state.row) });
  }, [api, done, state.row]);

  const resume = useCallback(async () => {
    if (!offer) return;
    setRestoring(true);
    setProblem(null);
    try {
      const r = await api['files.draft']({ key: offer.key });
      const saved = r.ok ? decodeDraft(r.value.state) : null;
      if (!r.ok || !saved) {
        setProblem(r.ok ? 'The draft could not be read; start afresh.' : r.error.message);
        return;
      }
      const lost: WizardDraft['lostComparisons'] = {};
      for (const d of ['L', 'A', 'H'] as const) {
        const back = await restorePart(
          api,
          workers,
          d,
          saved.parts[d],
          r.value.extracts,
          saved.row?.kind ?? 'CHANGE',
        );
        saved.parts[d] = back.part;
        if (back.lost) lost[d] = back.lost;
      }
      setLostComparisons(lost);
      savedKey.current = offer.key;
      // Previews are made again: the user comes back no further than the first one.
      dispatch({
        type: 'restore',
        state: { ...saved, step: Math.min(saved.step, reachable(saved)) },
      });
      setOffer(null);
      setSettled(true);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setRestoring(false);
    }
  }, [api, offer, workers, dispatch]);

  const decline = useCallback(() => {
    if (offer) void api['files.discardDraft']({ key: offer.key });
    setOffer(null);
    setSettled(true);
  }, [api, offer]);

  const discard = useCallback(() => {
    if (savedKey.current) void api['files.discardDraft']({ key: savedKey.current });
    savedKey.current = null;
  }, [api]);

  return {
    offer,
    restoring,
    problem,
    resume,
    decline,
    discard,
    saving: done ? null : saving,
    lostComparisons,
  };
}

/** Where an extract's bytes are kept with the draft: the corrected one as soon as it is loaded, the
 *  data as returned once compared with it. */
export async function keepExtract(
  api: ReturnType<typeof useApi>,
  state: WizardState,
  dataSet: 'L' | 'A' | 'H',
  file: File,
  base64: string,
  role: 'corrected' | 'returned' = 'corrected',
): Promise<string | null> {
  if (!state.row) return null;
  const r = await api['files.saveDraftExtract']({
    key: draftKeyOf(state.row),
    label: draftLabelOf(state.row),
    dataSet,
    role,
    fileName: file.name,
    base64,
  });
  return r.ok ? null : r.error.message;
}
