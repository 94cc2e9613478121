// The dd/mm/yyyy date helpers moved to the shared components, since every date field in the app
// uses them; kept here so the plans' imports read as before.
export { UK_DATE_HINT, isoToUkDate, ukDateToIso } from '../../components/uk-date';
