// The learners of an ILR XML file: how many there are with how many learning deliveries, whether
// each has a reference, and whether any reference repeats. Memory grows by about 16 bytes a
// learner (a 64-bit hash and a line), never by the references themselves.
import type { FindingAt, FindingList } from '../amd/findings';
import { KeyHashSet } from '../amd/keyset';

const REF_FIELD = 'Message/Learner/LearnRefNumber';

export class LearnerChecks {
  learners = 0;
  deliveries = 0;
  /** Learners with at least one finding. */
  affected = 0;
  private readonly refs = new KeyHashSet(4096);
  private lastAffected = 0;
  private line = 0;
  private column: number | null = null;
  private hasRef = false;

  constructor(private readonly out: FindingList) {}

  /** A Learner start tag at this place. */
  open(line: number, column: number | null): void {
    this.learners++;
    this.line = line;
    this.column = column;
    this.hasRef = false;
  }

  delivery(): void {
    this.deliveries++;
  }

  /** The learner's LearnRefNumber, whose start tag stands at this place. */
  ref(value: string, line: number, column: number | null): void {
    this.hasRef = true;
    const ref = value.trim();
    const at = { line, column, field: REF_FIELD };
    if (ref === '') {
      this.finding('XML_LEARNER_REF_MISSING', 'This learner has an empty LearnRefNumber.', at);
      return;
    }
    const first = this.refs.addOrGet(ref, line);
    if (first !== undefined) {
      this.finding(
        'XML_DUPLICATE_LEARNER',
        `LearnRefNumber ${ref} is also the LearnRefNumber at line ${first}.`,
        { ...at, value: ref },
      );
    }
  }

  close(): void {
    if (this.hasRef) return;
    this.finding('XML_LEARNER_REF_MISSING', 'This learner has no LearnRefNumber.', {
      line: this.line,
      column: this.column,
      field: 'Message/Learner',
    });
  }

  private finding(
    code: 'XML_LEARNER_REF_MISSING' | 'XML_DUPLICATE_LEARNER',
    what: string,
    at: FindingAt,
  ): void {
    this.out.add(code, what, at);
    if (this.lastAffected !== this.learners) {
      this.lastAffected = this.learners;
      this.affected++;
    }
  }
}
