// The rules in plain English, shown beside the choices they govern (from HEFCE's guide).
import type { AdditionType, AmendmentKind, DataSet } from '../../../../shared/amd';

export const KIND_EXPLAINED: Record<AmendmentKind, string> = {
  CHANGE:
    'A change file corrects field values of records HEFCE already holds. Each record names its key fields, so HEFCE can find it, and the fields being corrected.',
  ADD: 'An addition file adds records that were left out of the ILR return. It carries every field of its data set, even blank ones.',
  DELETE:
    'A deletion file removes records that should not have been returned. Its key fields (line 5) find each record, and it carries the checksum field; other fields may come too, as in the guide’s own example (A01, A03, A04, A05, A48, A11), though ReturnDesk writes the keys and the checksum field alone. One file is enough: deleting a learner also removes their learning aims and HE data, and deleting a learning aim removes its HE data.',
};

export const ADDITION_TYPES: { type: AdditionType; label: string; detail: string }[] = [
  {
    type: 3,
    label: 'T=3: new learners',
    detail:
      'Learners left out entirely: a learner (L), a learning aim (A) and, when any of their aims is HE, an HE (H) file.',
  },
  {
    type: 2,
    label: 'T=2: new learning aims for existing learners',
    detail: 'A learning aim (A) and, when any of the aims is HE, an HE (H) file.',
  },
  {
    type: 1,
    label: 'T=1: HE data for existing learning aims',
    detail: 'One HE (H) file.',
  },
];

export const SET_EXPLAINED =
  'The files of one addition set share one sequence number (NN). ReturnDesk makes them together and finalises them one after another, so they get the same NN.';

export const HE_FILE_LABEL = 'Some of the learning aims are HE aims: make an HE (H) file too';

export const HE_FILE_EXPLAINED =
  'The HE file holds HE data for the aims that are HE, as in the guide’s example 2 (three aims, two of them HE). When none of the aims is HE there are no HE records: leave this unticked and the set is its other files, still with one NN.';

export const DELETE_DATA_SET_EXPLAINED =
  'The ILR data set whose records the file deletes. Deleting from the learner data set also removes those learners’ aims and HE data; from the learning aim data set, those aims’ HE data.';

export const DATA_SET_LABELS: Record<DataSet, string> = {
  L: 'Learner (L)',
  A: 'Learning aim (A)',
  H: 'HE (H)',
};

export const KEYS_EXPLAINED =
  'Key fields are how HEFCE finds each record of the file in its copy of your ILR data. Together they must pick out exactly one record: if two records share the same key values, HEFCE cannot tell which one to change or delete.';

export const CHANGED_EXPLAINED =
  'The fields being corrected (line 6). Every record carries all of them, even where a value stays the same.';

export const CHECKSUM_EXPLAINED = `HEFCE adds up one numeric field over every record and compares the total with line 9, to be sure the file arrived whole. The field must hold whole numbers no bigger than about 20,000 in every record: a text value cannot be added up, and large numbers (learner references, UPINs) make totals too big to check reliably.`;

export const MAPPING_EXPLAINED =
  'Only ILR fields can go in an amendment file. Match each column your MIS exported to the ILR field it holds; columns you leave as “Not used” stay out of the file. ReturnDesk remembers your choices for this provider.';

export const DESCRIPTION_EXPLAINED =
  'Line 3 says what the file corrects and which area of difference on the approved action plan it rectifies; “ - reference number N” is added if you leave it out.';
