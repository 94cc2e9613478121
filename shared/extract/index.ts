// The one reader of MIS extracts (CSV whose first row names the columns), for the wizard's worker
// and the command line: encoding, separator, header, quoting and blank rows decided once.
export type { DecodeOptions, TextEncodingName } from './encoding';
export { decodeBytes } from './encoding';
export { decodeWindows1252, encodeWindows1252, isWindows1252 } from './windows-1252';
export type { ByteSource, TextSink } from './source';
export { decodeSource } from './source';
export type { Delimiter } from './delimiter';
export { DELIMITERS, detectDelimiter } from './delimiter';
export { ExtractFormatError } from './rows';
export type { ExtractShape, ExtractSink, ReadExtractShape } from './reader';
export { ExtractTextReader, keepingRecords, readExtract } from './reader';
