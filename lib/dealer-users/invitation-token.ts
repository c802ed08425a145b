import { createHash, randomBytes } from 'node:crypto';

// One-time links (user_tokens): the token travels in the link, only its sha256 is stored.

export const INVITATION_PURPOSE = 'invitation';

/** 32 random bytes, base64url: 43 characters, safe in a URL path. */
export function newUserToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashUserToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The path of the page where an invitee accepts; the public address is put in front of it. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
