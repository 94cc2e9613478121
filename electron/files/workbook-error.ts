// A workbook that is not an action plan, or is too big to be one: its message is the one sentence
// the user sees. Apart from the reader, so the import worker can know it without loading exceljs.
export class WorkbookError extends Error {}
