// The amendment-file rule set. Codes are stable: users, reports and support notes refer to them.
// Each rule carries why it matters and what to check, so every message can say all three, and its
// basis: why it is an error or a warning. An error only where HEFCE's guide says "must" (or Table A
// does) or where processing would certainly fail; what rests on the reconstructed ILR catalogue is
// a warning naming its source and confidence; where the guide is ambiguous the file is accepted
// with a warning, and the builder writes the unambiguous form.
import type { XmlRuleCode } from '../ilr-xml/rules';
import { XML_RULES } from '../ilr-xml/rules';
import type { Rule } from './rule-model';
import { HEADER_RULES } from './rules-header';
import { RECORD_RULES } from './rules-records';

export type { Rule, RuleBasis, Severity } from './rule-model';

export const RULESET_VERSION = 'amd-2010-11.2';

const R = [...HEADER_RULES, ...RECORD_RULES];

export type AmdRuleCode = (typeof R)[number]['code'];

/** Every code a finding can carry: these .amd rules and the ILR XML rules of shared/ilr-xml. */
export type RuleCode = AmdRuleCode | XmlRuleCode;

/** The .amd rules only; the XML rules are XML_RULES. */
export const RULES: ReadonlyMap<string, Rule> = new Map(R.map((r) => [r.code, r]));

/** Findings of both kinds share one report, so one lookup serves both rule sets. */
export function ruleFor(code: RuleCode): Rule {
  const found = RULES.get(code) ?? XML_RULES.get(code);
  if (!found) throw new Error(`unknown rule ${code}`);
  return found;
}
