// Browser mode carries each call as one HTTP request to ReturnDesk's own service on this computer.
// The limit keeps a runaway request from exhausting memory; a million-record amendment file
// (about 50 MB as JSON) fits well within it. The desktop app has no such limit.
export const BROWSER_MODE_MAX_REQUEST_BYTES = 256 * 1024 * 1024;
