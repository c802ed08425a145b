import { createHash } from 'node:crypto';

/** Sync sources are stored by the sha256 of their bearer token; the token itself never is. */
export function hashSyncToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const DEMO_SYNC_TOKENS = {
  production: 'demo-production-token',
  accounting: 'demo-accounting-token',
} as const;
