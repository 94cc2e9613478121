// Browser mode's way in. `returndesk serve` opens and prints addresses ending ?code=C, a one-time
// code this page exchanges (POST /api/session) for its session token, then takes out of the
// address bar so it is left in no history, bookmark or screenshot. The token is never a cookie (a
// cookie for 127.0.0.1 reaches every port on the machine): the page keeps it and sends it as a
// header. It is also kept in this tab's sessionStorage, which belongs to this origin (this port)
// alone and which the browser never sends anywhere by itself, so that a reload keeps working.

export const SESSION_KEY = 'returndesk.session';

/** The code in a location.search string, and that search string without it. */
export function takeCode(search: string): { code: string | null; search: string } {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  params.delete('code');
  const rest = params.toString();
  return { code: code || null, search: rest ? `?${rest}` : '' };
}

/** Why this page has no access: its code was used or unknown, or the service is not running. */
export type NoAccessReason = 'CODE_USED' | 'CODE_UNKNOWN' | 'NETWORK';

export type ExchangeFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** The session token for a one-time code, or why there is none. */
export async function exchangeCode(
  fetch: ExchangeFetch,
  code: string,
  base = '',
): Promise<{ token: string } | { refused: NoAccessReason }> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    status = res.status;
    text = await res.text();
  } catch {
    return { refused: 'NETWORK' };
  }
  let body: { token?: unknown; error?: { code?: unknown } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not an answer from ReturnDesk's service: treated as a code it does not know.
  }
  if (status === 200 && typeof body.token === 'string') return { token: body.token };
  return { refused: body.error?.code === 'CODE_USED' ? 'CODE_USED' : 'CODE_UNKNOWN' };
}
