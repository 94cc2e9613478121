// File names are the only identity HEFCE sees: chgYYYYYYDNN.amd, addYYYYYYDTNN.amd,
// delYYYYYYDNN.amd. Building and checking them in one place keeps the two in step.
import type { AdditionType, AmendmentKind, DataSet } from './model';
import { KIND_PREFIX, formatSeq } from './model';

export interface AmendmentFileName {
  kind: AmendmentKind;
  provider: string;
  dataSet: DataSet;
  additionType?: AdditionType;
  seq: number;
  /** The name without `.amd`: what header line 1 must say. */
  reference: string;
}

export function amendmentReference(parts: Omit<AmendmentFileName, 'reference'>): string {
  const t = parts.kind === 'ADD' ? String(parts.additionType ?? '') : '';
  return `${KIND_PREFIX[parts.kind]}${parts.provider}${parts.dataSet}${t}${formatSeq(parts.seq)}`;
}

export function amendmentFileName(parts: Omit<AmendmentFileName, 'reference'>): string {
  return `${amendmentReference(parts)}.amd`;
}

const NAME = /^(chg|add|del)(\d{6})([LAH])(\d?)(\d{2})\.amd$/i;
const PREFIX_KIND: Record<string, AmendmentKind> = { chg: 'CHANGE', add: 'ADD', del: 'DELETE' };

export type FileNameCheck = { ok: true; name: AmendmentFileName } | { ok: false; problem: string };

/**
 * Reads a file name (no folder). Case is tolerated in the extension and prefix only as far as
 * reading goes; the rules still report what is wrong and why.
 */
export function parseAmendmentFileName(fileName: string): FileNameCheck {
  const m = NAME.exec(fileName);
  if (!m) return { ok: false, problem: describeBadName(fileName) };
  const [, prefix = '', provider = '', dataSet = '', t = '', nn = ''] = m;
  const kind = PREFIX_KIND[prefix.toLowerCase()] as AmendmentKind;
  const seq = Number(nn);
  if (kind === 'ADD' && t === '') {
    return {
      ok: false,
      problem:
        'an addition file name needs the addition type T (1, 2 or 3) after the data set letter',
    };
  }
  if (kind !== 'ADD' && t !== '') {
    return { ok: false, problem: `a ${kind.toLowerCase()} file name has no addition type digit` };
  }
  if (kind === 'ADD' && !['1', '2', '3'].includes(t)) {
    return { ok: false, problem: `the addition type is ${t}; it must be 1, 2 or 3` };
  }
  if (seq < 1) return { ok: false, problem: 'the sequence number NN is 00; it must be 01 to 99' };
  const name: AmendmentFileName = {
    kind,
    provider,
    dataSet: dataSet.toUpperCase() as DataSet,
    seq,
    reference: fileName.slice(0, -4),
  };
  if (kind === 'ADD') name.additionType = Number(t) as AdditionType;
  return { ok: true, name };
}

function describeBadName(fileName: string): string {
  if (!/\.amd$/i.test(fileName)) return 'the name does not end in .amd';
  const stem = fileName.slice(0, -4);
  if (!/^(chg|add|del)/i.test(stem)) return 'the name does not start with chg, add or del';
  const upin = /^(?:chg|add|del)(\d*)/i.exec(stem)?.[1] ?? '';
  if (upin.length < 6) {
    return 'the provider number (UPIN) after the prefix must be six digits, leading zeros included';
  }
  return 'after the six-digit UPIN the name needs the data set letter L, A or H and then the sequence number NN (with T before it for additions)';
}
