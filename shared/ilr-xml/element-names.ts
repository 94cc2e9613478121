// Element names as the file writes them. Elements are in the namespace Message binds, with the
// same prefix if it has one (<ilr:Message xmlns:ilr="...">), so each test is one string equality
// rather than a namespace lookup per element.
export class ElementNames {
  readonly header: string;
  readonly provider: string;
  readonly learner: string;
  readonly learnRef: string;
  readonly delivery: string;
  readonly ukprn: string;
  private readonly qualifier: string;

  constructor(prefix: string) {
    this.qualifier = prefix === '' ? '' : `${prefix}:`;
    const q = (local: string) => this.qualifier + local;
    this.header = q('Header');
    this.provider = q('LearningProvider');
    this.learner = q('Learner');
    this.learnRef = q('LearnRefNumber');
    this.delivery = q('LearningDelivery');
    this.ukprn = q('UKPRN');
  }

  /** The local name of an element in the file's namespace; '' for any other element. */
  local(name: string): string {
    if (this.qualifier === '') return name.includes(':') ? '' : name;
    return name.startsWith(this.qualifier) ? name.slice(this.qualifier.length) : '';
  }
}
