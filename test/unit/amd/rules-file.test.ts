// The file as a whole: its name, the addition set it belongs to, its header length and its line
// breaks. Each rule reported where it is broken, and silent on the nearest valid file.
import { FILE_CASES } from './cases-file';
import { runRuleCases } from './rule-cases';

runRuleCases(FILE_CASES);
