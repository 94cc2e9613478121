// Header lines 1-4 and 7-9: each rule reported where it is broken, and silent on the nearest
// valid file.
import { HEADER_CASES } from './cases-header';
import { runRuleCases } from './rule-cases';

runRuleCases(HEADER_CASES);
