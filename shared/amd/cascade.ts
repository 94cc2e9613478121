// Deletions cascade (HEFCE's guide): "A learner data set deletion file will delete learner data,
// the associated learning aims data and any associated HE data"; a learning aim deletion deletes
// its HE data too, "so only one file needs to be returned". When a learner (or aim) file and an aim
// or HE file checked together delete the same records, the second file deletes what is already gone.
import type { FileReport } from './validate';
import type { DataSet } from './model';
import { DATA_SET_NAMES } from './model';
import type { HeaderInfo } from './header';
import { ruleFor } from './rules';

/** What a deletion file deletes, as provider + learner (+ aim sequence) keys. */
export interface DeletedRecords {
  dataSet: DataSet;
  /** provider|learner reference of every record. */
  learners: string[];
  /** provider|learner reference|aim sequence, for learning aim and HE records. */
  aims: string[];
}

/** Deletion files are short; a huge one is not kept whole in memory: past this, keys are dropped. */
const MAX_KEYS = 100_000;

/** The columns of provider, learner reference and aim sequence in each data set. */
const KEY_FIELDS: Record<DataSet, [string, string, string | null]> = {
  L: ['L01', 'L03', null],
  A: ['A01', 'A03', 'A05'],
  H: ['H01', 'H03', 'H05'],
};

/** Collects the keys of a deletion file's records while it is validated. */
export class DeletionKeys {
  private readonly learners = new Set<string>();
  private readonly aims = new Set<string>();
  private readonly idx: [number, number, number];

  constructor(
    private readonly dataSet: DataSet,
    header: HeaderInfo,
  ) {
    const [p, l, a] = KEY_FIELDS[dataSet];
    this.idx = [
      header.fields.indexOf(p),
      header.fields.indexOf(l),
      a ? header.fields.indexOf(a) : -1,
    ];
  }

  record(line: string): void {
    const [p, l, a] = this.idx;
    if (p < 0 || l < 0 || this.learners.size >= MAX_KEYS) return;
    const values = line.split(',');
    const learner = `${values[p]?.trim() ?? ''}|${values[l]?.trim() ?? ''}`;
    this.learners.add(learner);
    if (a >= 0) this.aims.add(`${learner}|${values[a]?.trim() ?? ''}`);
  }

  result(): DeletedRecords {
    return { dataSet: this.dataSet, learners: [...this.learners], aims: [...this.aims] };
  }
}

/** Warns on each aim or HE deletion file that deletes records a learner or aim file also deletes. */
export function checkDeletionCascade(reports: FileReport[]): void {
  const deletions = reports.filter((r) => r.deleted);
  const by = (ds: DataSet) => deletions.filter((r) => r.deleted?.dataSet === ds);
  const learnerFiles = by('L');
  const aimFiles = by('A');
  for (const r of deletions) {
    const d = r.deleted;
    if (!d || d.dataSet === 'L') continue;
    const overlaps: string[] = [];
    for (const l of learnerFiles) {
      const gone = new Set(l.deleted?.learners);
      const n = d.learners.filter((k) => gone.has(k)).length;
      if (n > 0) overlaps.push(describe(n, d.dataSet, 'learner', l.file));
    }
    if (d.dataSet === 'H') {
      for (const a of aimFiles) {
        const gone = new Set(a.deleted?.aims);
        const n = d.aims.filter((k) => gone.has(k)).length;
        if (n > 0) overlaps.push(describe(n, 'H', 'learning aim', a.file));
      }
    }
    if (overlaps.length === 0) continue;
    const rule = ruleFor('AMD_DELETE_CASCADE');
    r.findings.push({
      rule: 'AMD_DELETE_CASCADE',
      severity: rule.severity,
      line: null,
      field: null,
      value: null,
      message: `${capital(overlaps.join('; '))}. ${rule.why} ${rule.check}`,
    });
    r.warnings++;
  }
}

function describe(n: number, ds: DataSet, of: 'learner' | 'learning aim', other: string): string {
  return `this file deletes ${DATA_SET_NAMES[ds]} records of ${n} ${of}${n === 1 ? '' : 's'} that ${other} deletes already`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
