import { eq } from 'drizzle-orm';
import webPush from 'web-push';
import { appSecrets } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { log } from '@/lib/log';

// The Web Push (VAPID) key pair: the push services accept a message for a subscription only when
// it is signed by the key the browser subscribed with. VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY win;
// without them a pair is generated on first use and kept in the database (app_secrets, as the
// session secret is), so every process and every restart sign with the same key and the devices'
// subscriptions stay valid. Cached on globalThis: server.ts and Next's bundle each load this module.

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const SECRET_NAME = 'vapid_keys';
const store = globalThis as typeof globalThis & { __portalVapidKeys?: VapidKeys };

/** The key pair to sign with and to give browsers; generated and stored once when not configured. */
export async function getVapidKeys(db: Db): Promise<VapidKeys> {
  if (store.__portalVapidKeys) return store.__portalVapidKeys;
  const env = getEnv();
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    store.__portalVapidKeys = { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
    return store.__portalVapidKeys;
  }
  const generated = webPush.generateVAPIDKeys();
  const inserted = await db
    .insert(appSecrets)
    .values({ name: SECRET_NAME, value: JSON.stringify(generated) })
    .onConflictDoNothing()
    .returning({ name: appSecrets.name });
  if (inserted.length > 0) log.info('Web Push keys generated and kept in the database (set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY to choose them; scripts/vapid-keys.mjs)');
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, SECRET_NAME));
  if (!row) throw new Error('The Web Push keys could not be stored in the database');
  const kept = JSON.parse(row.value) as { publicKey: string; privateKey: string };
  store.__portalVapidKeys = { publicKey: kept.publicKey, privateKey: kept.privateKey, subject: env.VAPID_SUBJECT };
  return store.__portalVapidKeys;
}

/** Tests: forget the cached pair (another database, another configuration). */
export function forgetVapidKeys(): void {
  store.__portalVapidKeys = undefined;
}
