// Which records go into the file: one byte per extract row (a million rows is a megabyte), copied
// on change so React sees a new value and the old one can be kept for undo-free "Back".

export interface Selection {
  bits: Uint8Array;
  count: number;
}

export function selectAll(rows: number): Selection {
  return { bits: new Uint8Array(rows).fill(1), count: rows };
}

/** Sets every row in `rows` (all rows when omitted) to chosen or not. */
export function setRows(sel: Selection, value: boolean, rows?: ArrayLike<number>): Selection {
  const bits = sel.bits.slice();
  if (!rows) {
    bits.fill(value ? 1 : 0);
    return { bits, count: value ? bits.length : 0 };
  }
  let count = sel.count;
  const v = value ? 1 : 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    if (r < 0 || r >= bits.length || bits[r] === v) continue;
    bits[r] = v;
    count += value ? 1 : -1;
  }
  return { bits, count };
}

export function toggleRow(sel: Selection, row: number): Selection {
  return setRows(sel, !sel.bits[row], [row]);
}

/** How many of `rows` are chosen. */
export function countIn(sel: Selection, rows: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (sel.bits[rows[i] as number]) n++;
  return n;
}
