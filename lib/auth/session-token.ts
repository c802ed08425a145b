import { getToken, type JWT } from 'next-auth/jwt';
import { getAuthSecret } from './secret';

/**
 * Reads and verifies the session cookie from a cookie record (a page, the proxy, or the
 * Socket.IO handshake). Returns null for a missing, expired or forged cookie.
 */
export async function readSessionToken(cookies: Record<string, string>): Promise<JWT | null> {
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: getAuthSecret(),
  });
  if (!token?.sub || !token.role) return null;
  return token;
}

/** Parses a Cookie header into a record (for sockets, where nobody has parsed it yet). */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}
