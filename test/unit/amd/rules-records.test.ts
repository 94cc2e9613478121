// Records from line 13: each rule reported where it is broken, and silent on the nearest valid
// file.
import { RECORD_CASES } from './cases-records';
import { runRuleCases } from './rule-cases';

runRuleCases(RECORD_CASES);
