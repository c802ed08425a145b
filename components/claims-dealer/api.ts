// The claim screens' calls to the client API (contract section 4): JSON in, JSON out, every answer
// reduced to what the screen needs to say. A lost connection is an answer too (status 0): the
// request may or may not have reached the server.

export type ApiFailure = {
  ok: false;
  /** 0: no answer (offline, connection dropped). */
  status: number;
  code: string;
  message: string;
  details: Record<string, string>;
};
export type ApiAnswer<T> = { ok: true; status: number; body: T } | ApiFailure;

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'No answer from the server', details: {} };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An answer that is not JSON (a proxy's error page): judged by its status alone.
  }
  if (response.ok) return { ok: true, status: response.status, body: json as T };
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const details: Record<string, string> = {};
  if (error?.details && typeof error.details === 'object') {
    for (const [key, value] of Object.entries(error.details)) if (typeof value === 'string') details[key] = value;
  }
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'failed',
    message: typeof error?.message === 'string' ? error.message : `The server answered ${response.status}`,
    details,
  };
}

/** Which way a field's problem goes, read from the API's (English, for integrators) words. */
export type FieldProblem = 'required' | 'tooLong' | 'invalid';

export function fieldProblem(message: string): FieldProblem {
  if (/must not be empty|is required|must be text/i.test(message)) return 'required';
  if (/at most \d+ characters/i.test(message)) return 'tooLong';
  return 'invalid';
}

/** A fresh Idempotency-Key: random, also where crypto.randomUUID is missing (plain http on a LAN). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
