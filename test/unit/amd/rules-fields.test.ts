// Field lists on lines 5, 6 and 12, and the catalogue checks of --year: each rule reported where
// it is broken, and silent on the nearest valid file.
import { FIELD_CASES } from './cases-fields';
import { runRuleCases } from './rule-cases';

runRuleCases(FIELD_CASES);
