// What a rule of the amendment-file rule set is (rules.ts lists them), and how its entries are
// written: severity, the basis of that severity, and the words every message is made of.

export type Severity = 'error' | 'warning';

/** Why a rule has the severity it has. */
export interface RuleBasis {
  /**
   * guide: the guide says so; processing: reading or processing the file would certainly fail;
   * reconstructed: rests on public ILR material (the catalogue), not on the guide; advice: likely
   * a mistake, never certain.
   */
  kind: 'guide' | 'processing' | 'reconstructed' | 'advice';
  /** The source (for the guide, its words), and for reconstructed knowledge its confidence. */
  source: string;
}

export interface Rule {
  code: string;
  severity: Severity;
  /** One line for rule listings. */
  title: string;
  /** Why HEFCE cares: appended to the finding's specific text. */
  why: string;
  /** What the user should check or do. */
  check: string;
  basis: RuleBasis;
}

export function rule(
  code: string,
  severity: Severity,
  basis: RuleBasis,
  title: string,
  why: string,
  check: string,
): Rule {
  return { code, severity, title, why, check, basis };
}

export const guide = (source: string): RuleBasis => ({ kind: 'guide', source });
export const processing = (source: string): RuleBasis => ({ kind: 'processing', source });
export const reconstructed = (source: string): RuleBasis => ({ kind: 'reconstructed', source });
export const advice = (source: string): RuleBasis => ({ kind: 'advice', source });
