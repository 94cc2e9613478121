// Comparing the data as returned with the data as it should be: which records changed (and in
// which fields), which were added or deleted, and which keys cannot identify a record.
export type { ComparedColumns, Side } from './columns';
export { CompareError, compareColumns, keysFor } from './columns';
export type { ComparedRows } from './comparison';
export { ExtractComparison } from './comparison';
export type * from './model';
export type { ComparedExtractRecords, RecordsForFile } from './records-for-file';
export { recordsForFile } from './records-for-file';
export type { ProposedPlanRow } from './plan-rows';
export { proposedPlanRows } from './plan-rows';
export { keyText } from './records-for-file';
