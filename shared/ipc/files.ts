// Amendment files (2010-11 and earlier) and ILR XML files (2011-12 onwards): building, finalising,
// checking, keeping and withdrawing them.
import { z } from 'zod';
import type {
  ComputedFrom,
  ExtractIdentity,
  StoredAmendmentFile,
  StoredXmlFile,
} from '../history/types';
import type { FileReport } from '../amd/validate';
import type { Batch } from '../history/types';
import type { ReceiptView } from './views';
import type { Comparison } from '../compare/model';
import { fileBytes, fileName, id } from './common';
import { TEXT_LIMITS as MAX, fileContent, limitedText, trimmedText } from './limits';
import { catalogueFor, catalogueYears } from '../ilr/catalogue';
import {
  ddMmYyyySchema,
  fieldCodeSchema as fieldCode,
  ilrYearSchema as year,
  upinSchema as upin,
} from '../domain';

const kind = z.enum(['CHANGE', 'ADD', 'DELETE'], { message: 'Choose CHANGE, ADD or DELETE.' });
const dataSet = z.enum(['L', 'A', 'H'], { message: 'Choose the data set: L, A or H.' });
const additionType = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  message: 'The addition type is 1, 2 or 3.',
});
const notes = z
  .array(limitedText('A notes line', MAX.note))
  .max(2, 'There are at most two notes lines (lines 10 and 11).');
const description = trimmedText('The description', MAX.description).min(
  1,
  'The description must not be empty.',
);

/** An ILR year whose field catalogue ReturnDesk has: field codes and lengths are checked against it. */
const catalogueYear = limitedText('The ILR year', MAX.name).refine(
  (y) => y.length > MAX.name || catalogueFor(y) !== undefined,
  {
    error: (i) =>
      `There is no ILR catalogue for ${String(i.input)}; available: ${catalogueYears().join(', ')}.`,
  },
);

/** Field names as the user typed them; the builder matches them to the extract's columns. */
const fieldNames = z.array(
  trimmedText('A field name', MAX.name).min(1, 'A field name must not be empty.'),
);

const amdStatus = z.enum(['draft', 'final', 'submitted', 'accepted', 'rejected', 'discarded'], {
  message: 'The status is draft, final, submitted, accepted, rejected or discarded.',
});
const xmlStatus = z.enum(['final', 'submitted', 'accepted', 'rejected', 'withdrawn'], {
  message: 'The status of an XML file is final, submitted, accepted, rejected or withdrawn.',
});
const marked = z.enum(['submitted', 'accepted', 'rejected'], {
  message: 'The status must be submitted, accepted or rejected.',
});
const mark = z.object({
  name: fileName,
  status: marked,
  note: limitedText('The note', MAX.note).optional(),
});

/** Why a file holds more or fewer records than its plan row says (kept in the audit trail). */
const reason = z
  .string()
  .trim()
  .min(1, 'The reason must not be empty.')
  .max(500, 'Keep the reason under 500 characters.');

const draftKey = z.string().trim().min(1, 'Name the draft.').max(100);
const draftExtractRole = z.enum(['corrected', 'returned'], {
  message: 'The extract kept with a draft is the corrected one or the data as returned.',
});

/**
 * The wizard's column mapping: the ILR field each MIS column holds, by the column's header as
 * written (trimmed). Applied to an extract's header before its columns are matched.
 */
const columns = z
  // '' marks a column the user chose not to use, even one whose header is a field code.
  .record(limitedText('A column name', MAX.name), z.union([fieldCode, z.literal('')]))
  .refine((m) => Object.keys(m).length <= 2000, 'An extract has at most 2,000 columns.');

const seq = z.number().int().min(1, 'An NN is from 01 to 99.').max(99, 'An NN is from 01 to 99.');

/**
 * Building a file from an MIS extract (the first row names the ILR fields). Against an approved
 * action plan row the history gives the NN (or checks the one given) and keeps the file as final;
 * without one, the provider, NN and description are given and nothing is kept.
 */
const build = fileBytes
  .extend({
    kind,
    dataSet,
    additionType: additionType.optional(),
    /** A field of the extract, or 'auto' to choose as HEFCE's guide describes. */
    checksumField: trimmedText('The checksum field', MAX.name).min(
      1,
      'Name the checksum field, or choose auto.',
    ),
    keys: fieldNames.optional(),
    changed: fieldNames.optional(),
    createdOn: ddMmYyyySchema.optional(),
    description: description.optional(),
    notes: notes.optional(),
    /** Also check field codes and lengths against this year's catalogue. */
    year: catalogueYear.optional(),
    planId: id.optional(),
    ref: id.optional(),
    upin: upin.optional(),
    seq: seq.optional(),
    /**
     * The data as returned: the file then holds the records that differ from it (changed records
     * for a change file, with the fields that differ unless named; records only in the extract for
     * an addition; records only in the data as returned, taken from it, for a deletion).
     */
    returned: fileBytes.optional(),
    /** With `returned`: the wizard's column mapping, applied to both extracts. */
    columns: columns.optional(),
    /** Required against a plan row when the record count differs from the row's. */
    reason: reason.optional(),
  })
  .superRefine((i, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (i.kind === 'ADD' && i.additionType === undefined)
      issue('additionType', 'An addition file needs its addition type: 1, 2 or 3.');
    if (i.kind !== 'ADD' && i.additionType !== undefined)
      issue('additionType', 'Only an addition file has an addition type.');
    if (i.kind === 'CHANGE' && !i.changed?.length && !i.returned)
      issue('changed', 'A change file needs the fields being corrected.');
    if (i.kind !== 'CHANGE' && i.changed?.length)
      issue('changed', 'Only a change file names the fields being corrected.');
    // Against the data as returned, the keys match the records of the two extracts.
    if (i.columns && !i.returned)
      issue('columns', 'The column mapping applies only against the data as returned.');
    if (i.kind === 'ADD' && i.keys?.length && !i.returned)
      issue('keys', 'An addition file has no unique fields (line 5 stays blank).');
    if ((i.planId === undefined) !== (i.ref === undefined))
      issue('planId', 'Name the action plan and the reference number of its row.');
    if (i.planId === undefined) {
      // Without the history there is nothing to take the provider, NN or description from.
      if (i.upin === undefined) issue('upin', 'Give the provider, or build against a plan row.');
      if (i.seq === undefined) issue('seq', 'Give the NN, or build against a plan row.');
      if (i.description === undefined)
        issue('description', 'Give the description, or build against a plan row.');
    }
  });

export const fileInputs = {
  'files.list': z.object({ status: amdStatus.optional(), upin: upin.optional() }),
  'files.get': z.object({ name: fileName }),
  'files.content': z.object({ name: fileName }),
  'files.discard': z.object({ name: fileName }),
  'files.finalise': z
    .object({
      planId: id,
      ref: id,
      kind,
      dataSet,
      additionType: additionType.optional(),
      description: description.optional(),
      notes: notes.optional(),
      createdOn: ddMmYyyySchema.optional(),
      /** Not given with `returned`: the file's fields are the corrected extract's. */
      fields: z.array(fieldCode).min(1).optional(),
      uniqueFields: z.array(fieldCode),
      /** With `returned`, the fields whose differences make a record changed (all that differ if none). */
      changedFields: z.array(fieldCode).optional(),
      /** A field, or 'auto' (with `returned` only) to choose as HEFCE's guide describes. */
      checksumField: z.union([fieldCode, z.literal('auto')]),
      // The file's content, as records: browser mode lets it through in one large request.
      records: fileContent(
        z.array(z.array(z.string())).min(1, 'There are no records to write.'),
      ).optional(),
      /**
       * The data as returned, and the corrected extract the wizard loaded: the records are then
       * worked out from the two as files.build does (changed, added, or deleted records, taken
       * from the data as returned), and the file keeps which two extracts it was computed from.
       */
      returned: fileBytes.optional(),
      corrected: fileBytes.optional(),
      /** With `returned`: the fields records are matched on (the data set's recommended keys if none). */
      keys: z.array(fieldCode).optional(),
      /** With `returned`: the wizard's column mapping, applied to both extracts. */
      columns: columns.optional(),
      /**
       * The NN of the addition set this file joins: the wizard names the one its set's first file
       * was given, so the set never splits (refused if that set cannot take this file).
       */
      seq: seq.optional(),
      /** Required when the record count differs from the row's. */
      reason: reason.optional(),
    })
    .superRefine((i, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if ((i.returned === undefined) !== (i.corrected === undefined))
        issue('returned', 'Give both extracts, the data as returned and the corrected one.');
      if (i.returned) return;
      if (!i.records) issue('records', 'There are no records to write.');
      if (!i.fields) issue('fields', 'Name the fields of the file.');
      if (!i.changedFields) issue('changedFields', 'Name the fields being corrected, or none.');
      if (i.checksumField === 'auto')
        issue('checksumField', 'Name the checksum field of the records given.');
      if (i.keys || i.columns)
        issue('keys', 'Keys and columns apply only against the data as returned.');
    }),
  /** The name and NN finalising would give now (a colleague may take it first); nothing reserved. */
  'files.preview': z.object({
    planId: id,
    ref: id,
    kind,
    dataSet,
    additionType: additionType.optional(),
    seq: seq.optional(),
  }),
  'files.build': build,
  /**
   * Compares the data as returned with the data as it should be, matching records on the keys
   * (the guide's recommended keys for the data set unless named); nothing is kept.
   */
  'files.compare': z.object({
    dataSet,
    returned: fileBytes,
    corrected: fileBytes,
    keys: fieldNames.optional(),
    /** The wizard's column mapping, applied to both extracts. */
    columns: columns.optional(),
  }),
  /** Records what happened to a file outside ReturnDesk (sent by other means, HEFCE's answer). */
  'files.mark': mark,
  /** The offline check of .amd and ILR XML files (by extension); nothing is kept. */
  'files.check': z.object({
    files: z.array(fileBytes).min(1, 'Choose a file to check.'),
    year: catalogueYear.optional(),
  }),
  // The new-file wizard's drafts, one per plan row (the key names the row): kept in the history.
  'files.drafts': z.object({}),
  'files.draft': z.object({ key: draftKey }),
  'files.saveDraft': z.object({
    key: draftKey,
    /** What the draft is for, as the wizard offers it: e.g. the plan row's description. */
    label: z.string().max(500),
    /** The wizard's state as it wrote it (JSON); the history keeps it as given. */
    // Marked as content: a selection of many records passes the limit of a call with no file.
    state: fileContent(z.string().max(8 * 1024 * 1024, 'The draft is too large to keep.')),
    /** The key it was saved under before, when the user chose another row. */
    from: draftKey.optional(),
  }),
  'files.saveDraftExtract': fileBytes.extend({
    key: draftKey,
    label: z.string().max(500),
    dataSet,
    /** The extract loaded (the corrected data), or the data as returned compared with it. */
    role: draftExtractRole.default('corrected'),
  }),
  'files.discardDraft': z.object({ key: draftKey }),
  // ILR XML files (2011-12 onwards).
  'xmlFiles.list': z.object({
    upin: upin.optional(),
    year: year.optional(),
    status: xmlStatus.optional(),
  }),
  'xmlFiles.get': z.object({ name: fileName }),
  'xmlFiles.check': fileBytes,
  'xmlFiles.add': fileBytes
    .extend({ upin: upin.optional(), batchId: id.optional() })
    .refine((i) => (i.upin === undefined) !== (i.batchId === undefined), {
      message: 'Add the file to a batch, or keep it for a provider: one of the two.',
    }),
  'xmlFiles.mark': mark,
  'xmlFiles.withdraw': z.object({
    name: fileName,
    reason: trimmedText('The reason', MAX.reason).min(1, 'Say why the file is withdrawn.'),
  }),
  /** The 2011-12 amendment worked out from the file as returned and the corrected one; nothing kept. */
  'xmlFiles.amend': z.object({ returned: fileBytes, corrected: fileBytes }),
} as const;

/** An ILR 2011-12 amendment file made from two files, with what it holds and leaves out. */
export interface XmlAmendmentView {
  fileName: string;
  /** The file, to be saved where the user chooses. */
  base64: string;
  serialNo: string;
  /** Learners that differ, each with the values that differ (LearningDelivery[2]/LearnStartDate). */
  changed: { ref: string; fields: string[] }[];
  added: string[];
  /** Learners in the returned file only: the guide gives no XML form for deleting them. */
  onlyInReturned: string[];
  unchanged: number;
  /** The offline check of the amendment (never with errors: such a file is refused). */
  report: FileReport;
}

/** An extract kept with a draft. */
export interface DraftExtract {
  dataSet: 'L' | 'A' | 'H';
  /** The extract loaded in the wizard (the corrected data), or the data as returned. */
  role: 'corrected' | 'returned';
  fileName: string;
  bytes: number;
}

/** A draft of the new-file wizard, as offered to continue. */
export interface DraftSummary {
  key: string;
  label: string;
  savedAt: string;
  extracts: DraftExtract[];
}

/** An amendment file built from an extract, with what the builder decided on the way. */
export interface BuiltAmendmentFile {
  name: string;
  seq: number;
  sha256: string;
  records: number;
  /** Lines 12, 5 and 6 of the file: its fields, keys and changed fields. */
  fields: string[];
  uniqueFields: string[];
  changedFields: string[];
  checksumField: string;
  checksum: string;
  /** Why that checksum field (chosen as the guide describes, or named). */
  checksumReason: string;
  /** The checksum field is not one of the file's own fields and was added for the checksum. */
  checksumAdded: boolean;
  /** Extract columns not in the file, shown so nothing is dropped unnoticed. */
  ignoredColumns: string[];
  encoding: 'windows-1252';
  /** The check of the built file: warnings only, since a file with errors is never built. */
  report: FileReport;
  /** The file itself, to be saved where the user chooses. */
  base64: string;
  /** The file as the history keeps it, when built against an action plan row. */
  stored: StoredAmendmentFile | null;
  /** The two extracts its records were worked out from, when built against the data as returned. */
  computedFrom: ComputedFrom | null;
}

/** A comparison, and the two extracts it was computed from. */
export interface ComparedExtracts extends Comparison {
  extracts: { returned: ExtractIdentity; corrected: ExtractIdentity };
}

export interface FileOutputs {
  'files.list': StoredAmendmentFile[];
  'files.get': { file: StoredAmendmentFile; text: string; receipts: ReceiptView[] };
  'files.content': { fileName: string; base64: string; sha256: string };
  'files.discard': { file: StoredAmendmentFile; released: boolean };
  'files.finalise': StoredAmendmentFile;
  'files.preview': { name: string; seq: number };
  /** Newest first. */
  'files.drafts': DraftSummary[];
  'files.draft': Omit<DraftSummary, 'extracts'> & {
    state: string;
    extracts: (DraftExtract & { base64: string })[];
  };
  'files.saveDraft': { savedAt: string };
  'files.saveDraftExtract': { savedAt: string };
  'files.discardDraft': { discarded: boolean };
  /** Refused (INVALID_FILE, nothing kept or used) when the file would not be valid. */
  'files.build': BuiltAmendmentFile;
  /** Duplicate keys are listed, not refused: the records with them are in no other group. */
  'files.compare': ComparedExtracts;
  'files.mark': StoredAmendmentFile;
  /** One report per file, in the order given; addition sets are checked across the files. */
  'files.check': FileReport[];
  'xmlFiles.list': StoredXmlFile[];
  /** The file, its receipts, and the batches it is in (oldest first). */
  'xmlFiles.get': { file: StoredXmlFile; receipts: ReceiptView[]; batchIds: number[] };
  /** The offline check only: nothing is kept. */
  'xmlFiles.check': FileReport;
  /** Refused (INVALID_INPUT, the first errors named) when the check finds errors. */
  'xmlFiles.add': { file: StoredXmlFile; report: FileReport; batch: Batch | null };
  'xmlFiles.mark': StoredXmlFile;
  'xmlFiles.withdraw': { file: StoredXmlFile; removedFrom: number[] };
  /** Refused (INVALID_INPUT) when the files cannot be compared or nothing differs. */
  'xmlFiles.amend': XmlAmendmentView;
}

export const fileMutations = {
  'files.discard': ['files'],
  'files.finalise': ['files'],
  'files.build': ['files'],
  'files.mark': ['files'],
  'xmlFiles.add': ['files', 'batches'],
  'xmlFiles.mark': ['files'],
  'xmlFiles.withdraw': ['files', 'batches'],
} as const;
