import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { claims } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { rooms } from './rooms';

// A socket asks to follow one claim: socket.emit('subscribe', { claim: '10234' }, ack). Only
// someone who may see the claim joins its room: the claim's dealer's users, and the claims desk,
// factory staff and admins. Anyone else (another dealer, a claim that does not exist) gets the
// same answer.

export const claimSubscriptionSchema = z.object({
  claim: z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).transform(String),
});

export type SubscribeAnswer = { ok: true; room: string } | { ok: false; error: 'invalid' | 'not_found' };

export async function claimRoomFor(db: DbOrTx, actor: Actor, input: unknown): Promise<SubscribeAnswer> {
  const parsed = claimSubscriptionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const number = parsed.data.claim;
  let visible: boolean;
  if (can(actor, 'claims.readAll')) {
    visible = (await db.select({ id: claims.id }).from(claims).where(eq(claims.number, number)).limit(1)).length > 0;
  } else if (isDealerRole(actor.role)) {
    const scope = dealerScopeOf(actor);
    visible =
      (await db.select({ id: claims.id }).from(claims).where(and(eq(claims.number, number), eq(claims.dealerId, scope.dealerId))).limit(1))
        .length > 0;
  } else {
    visible = false;
  }
  return visible ? { ok: true, room: rooms.claim(number) } : { ok: false, error: 'not_found' };
}
