// The claim page's writes from the browser: JSON to the claims API (README, "Claims API"), which
// calls the same domain functions as any other client. An answer is turned into what the page
// says in words; the API's own English message is kept for the console only.

export type FailureKind = 'conflict' | 'forbidden' | 'not_found' | 'unauthorized' | 'invalid' | 'network' | 'failed';

export type ApiFailure = {
  ok: false;
  kind: FailureKind;
  /** Per field (`comment`, `resolution.amount`, …) for a 400. */
  fields: Record<string, string>;
};
export type ApiOutcome<T> = { ok: true; body: T } | ApiFailure;

const KIND_OF_STATUS: Record<number, FailureKind> = { 400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };

type ErrorBody = { error?: { code?: string; message?: string; details?: Record<string, unknown> } };

export function claimApiUrl(number: string, path = ''): string {
  return `/api/v1/claims/${encodeURIComponent(number)}${path}`;
}

export async function sendJson<T>(url: string, method: 'POST' | 'PUT', body: unknown): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
  } catch {
    return { ok: false, kind: 'network', fields: {} };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An answer that is not JSON (a proxy's error page): judged by its status alone.
  }
  if (response.ok) return { ok: true, body: json as T };
  const error = (json as ErrorBody | null)?.error;
  const details = error?.details ?? {};
  const fields = Object.fromEntries(Object.entries(details).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  console.warn('claim request refused', { url, status: response.status, message: error?.message });
  return { ok: false, kind: KIND_OF_STATUS[response.status] ?? 'failed', fields };
}
