// Saving a copy: the bytes go to the browser's download (Electron asks where to save), from
// base64 as main sends files, or from text such as a CSV report.
export { base64ToBytes, downloadBlob, downloadCsv } from '../../app/bytes';
export { reportFileName } from './file-bytes';
