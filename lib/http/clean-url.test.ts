import { describe, expect, it } from 'vitest';
import { receivedQuery } from './clean-url';

describe('receivedQuery', () => {
  it('writes back every value of every key, in order, empty ones included', () => {
    expect(receivedQuery({ q: 'вікна', region: '', role: ['a', 'b'], missing: undefined })).toBe('q=%D0%B2%D1%96%D0%BA%D0%BD%D0%B0&region=&role=a&role=b&missing=');
  });

  it('is empty for an address without a query', () => {
    expect(receivedQuery({})).toBe('');
  });
});
