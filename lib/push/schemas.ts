import { z } from 'zod';

// What the push API accepts: a browser's PushSubscription as its toJSON() gives it. No server
// imports: the settings page's client part reads the same limits.

/** Devices per user; subscribing one more drops the oldest. */
export const MAX_SUBSCRIPTIONS_PER_USER = 20;
export const ENDPOINT_MAX_LENGTH = 1024;

/** base64url (padding allowed) decoding to exactly `bytes` bytes. */
function base64urlBytes(value: string): number | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) return null;
  const body = value.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  return Math.floor((body.length * 3) / 4);
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * The push service's address. Always https:// in production, to a named host (a push service is
 * never an address literal or this machine); elsewhere http:// to this machine is allowed too, for
 * the tests' local push endpoint.
 */
export function endpointSchema(production: boolean) {
  return z
    .string({ error: 'endpoint must be the subscription’s URL' })
    .max(ENDPOINT_MAX_LENGTH, `endpoint must be at most ${ENDPOINT_MAX_LENGTH} characters`)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'endpoint must be an absolute https:// URL' });
        return;
      }
      const local = LOCAL_HOSTS.has(url.hostname);
      if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'endpoint must not carry a user name or password' });
      else if (url.protocol === 'https:' && (!production || (!local && !IP_LITERAL.test(url.hostname)))) return;
      else if (url.protocol === 'http:' && local && !production) return;
      else ctx.addIssue({ code: 'custom', message: 'endpoint must be an https:// URL of a push service' });
    });
}

export function subscriptionSchema(production: boolean) {
  return z
    .object({
      endpoint: endpointSchema(production),
      expirationTime: z.number().nullable().optional(),
      keys: z
        .object({
          p256dh: z
            .string({ error: 'keys.p256dh must be text' })
            .refine((v) => base64urlBytes(v) === 65, 'keys.p256dh must be a base64url P-256 public key (65 bytes)'),
          auth: z.string({ error: 'keys.auth must be text' }).refine((v) => base64urlBytes(v) === 16, 'keys.auth must be a base64url secret of 16 bytes'),
        })
        .strict(),
      /** The endpoint this one replaces (the worker's pushsubscriptionchange): removed if it is the user's. */
      replaces: endpointSchema(production).optional(),
    })
    .strict();
}

export type SubscriptionInput = z.infer<ReturnType<typeof subscriptionSchema>>;

/** A device as listed for its user. */
export type PushDevice = {
  id: number;
  endpoint: string;
  browser: string | null;
  os: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  lastError: string | null;
};
