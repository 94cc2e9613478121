// The values every layer checks the same way: one pattern, one predicate, one zod schema and one
// message each, so the contract, the store, the command line and the forms cannot disagree.
export * from './upin';
export * from './ukprn';
export * from './ilr-year';
export * from './iso-date';
export * from './calendar-date';
export * from './field-code';
