// The browser-mode page is opened at /?token=T. The token is read once and then taken out of the
// address bar, so it is not left in the history, a bookmark or a screenshot of the window.

/** The token in a location.search string, and that search string without it. */
export function takeToken(search: string): { token: string | null; search: string } {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  params.delete('token');
  const rest = params.toString();
  return { token: token || null, search: rest ? `?${rest}` : '' };
}
