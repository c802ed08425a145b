import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (the OWASP baseline: 19 MiB, 2 passes).

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A hash of a password nobody knows, checked when the e-mail is unknown so timing tells nothing. */
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  decoyHash ??= hash(randomUUID());
  try {
    const ok = await verify(passwordHash ?? (await decoyHash), password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
