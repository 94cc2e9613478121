// The ILR 2011-12 XML file as the reference describes it: root Message in the 2011-12 namespace,
// then Header (CollectionDetails, Source), LearningProvider and the Learner elements, each holding
// its LearningDelivery elements.

export const ILR_2011_12_NAMESPACE = 'http://www.theia.org.uk/ILR/2011-12/1';

/** The year as the file name and Header/CollectionDetails/Year write it. */
export const ILR_YEAR = '1112';

/** What a checked file says about itself, shown beside its findings. */
export interface IlrXmlSummary {
  /** Header/Source/UKPRN, trimmed; null when missing or empty. */
  ukprn: string | null;
  serialNo: string | null;
  transmissionType: string | null;
  /** Header/CollectionDetails/FilePreparationDate as written. */
  preparationDate: string | null;
  learners: number;
  learningDeliveries: number;
}
