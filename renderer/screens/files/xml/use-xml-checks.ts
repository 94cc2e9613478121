// ILR XML files dropped or chosen for a check: each is read here and checked by main (the checker
// streams the XML there); the bytes are kept while the report is on screen so "Add to the history"
// sends exactly the file that was checked.
import { useCallback, useRef, useState } from 'react';
import type { FileReport } from '../../../../shared/amd';
import { readChosenFile } from '../../../app/bytes';
import { useApi } from '../../../app/hooks';

export interface XmlCheck {
  name: string;
  base64: string | null;
  report: FileReport | null;
  error: string | null;
}

export interface XmlChecks {
  items: XmlCheck[];
  selected: number;
}

export function useXmlChecks(): {
  checks: XmlChecks;
  check: (files: File[]) => void;
  select: (i: number) => void;
} {
  const api = useApi();
  const [checks, setChecks] = useState<XmlChecks>({ items: [], selected: 0 });
  // A newer drop replaces the list: answers for an older one are dropped.
  const round = useRef(0);
  const check = useCallback(
    (files: File[]) => {
      const mine = ++round.current;
      setChecks({
        items: files.map((f) => ({ name: f.name, base64: null, report: null, error: null })),
        selected: 0,
      });
      files.forEach((file, i) => {
        void (async () => {
          const update = (x: Partial<XmlCheck>) =>
            mine === round.current &&
            setChecks((c) => ({
              ...c,
              items: c.items.map((item, j) => (j === i ? { ...item, ...x } : item)),
            }));
          try {
            const read = await readChosenFile(file);
            if (!read.ok) return update({ error: read.error.message });
            const { fileName, base64 } = read.value;
            const r = await api['xmlFiles.check']({ fileName, base64 });
            update(r.ok ? { base64, report: r.value } : { error: r.error.message });
          } catch (e) {
            update({ error: e instanceof Error ? e.message : String(e) });
          }
        })();
      });
    },
    [api],
  );
  const select = useCallback((selected: number) => setChecks((c) => ({ ...c, selected })), []);
  return { checks, check, select };
}
