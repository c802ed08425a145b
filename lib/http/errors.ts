import { NextResponse } from 'next/server';

// One error shape for every API answer (contract section 3/4):
// { "error": { "code": string, "message": string, "details"?: {...} } }

export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function apiError(
  code: ApiErrorCode,
  message: string,
  options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {},
): NextResponse {
  return NextResponse.json(
    { error: { code, message, ...(options.details ? { details: options.details } : {}) } },
    { status: STATUS[code], headers: options.headers },
  );
}

/** A zod error as the `details` of a 400 answer: the first problem of each field, by its path. */
export function zodDetails(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    details[key] ??= issue.message;
  }
  return details;
}
