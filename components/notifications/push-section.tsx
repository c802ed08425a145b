import type { Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db';
import { listPushDevices } from '@/lib/push/subscriptions';
import { getVapidKeys } from '@/lib/push/vapid';
import { PushSettings } from './push-settings';

/** Push on this device and the person's other devices, on the notification settings page. */
export async function PushSection({ actor }: { actor: Actor }) {
  const db = getDb();
  const [keys, devices] = await Promise.all([getVapidKeys(db), listPushDevices(db, actor)]);
  return <PushSettings publicKey={keys.publicKey} devices={devices} />;
}
