import { describe, expect, it } from 'vitest';
import { uploadErrorCode } from './upload';

const answer = (code: string, file?: string) => ({ error: { code, message: 'x', ...(file ? { details: { file } } : {}) } });

describe('uploadErrorCode', () => {
  it('takes the refusal the route named for the file', () => {
    expect(uploadErrorCode(415, answer('unsupported_media_type', 'not_image'))).toBe('not_image');
    expect(uploadErrorCode(413, answer('payload_too_large', 'too_large'))).toBe('too_large');
    expect(uploadErrorCode(400, answer('bad_request', 'empty'))).toBe('empty');
    expect(uploadErrorCode(400, answer('bad_request', 'damaged'))).toBe('damaged');
    expect(uploadErrorCode(400, answer('bad_request', 'too_many'))).toBe('too_many');
  });

  it('falls back on the status, and on "failed" for anything else', () => {
    expect(uploadErrorCode(401, answer('unauthorized'))).toBe('unauthorized');
    expect(uploadErrorCode(403, answer('forbidden'))).toBe('forbidden');
    expect(uploadErrorCode(404, answer('not_found'))).toBe('not_found');
    expect(uploadErrorCode(409, answer('conflict'))).toBe('closed');
    expect(uploadErrorCode(413, null)).toBe('too_large');
    expect(uploadErrorCode(400, answer('bad_request', 'required'))).toBe('failed');
    expect(uploadErrorCode(503, 'not json')).toBe('failed');
  });
});
