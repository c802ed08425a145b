import type { Actor } from '@/lib/auth/actor';

/** Push on this device and the user's other devices (the push issue's part of the settings page). */
export async function PushSection(_props: { actor: Actor }) {
  return null;
}
