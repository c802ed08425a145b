'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { users } from '@/drizzle/schema';
import { LOCALES } from '@/drizzle/schema/values';
import { recordAudit } from '@/lib/audit/record';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { LOCALE_COOKIE } from './config';

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * The language switch: stored on the signed-in user (it follows them to every device) and in a
 * cookie (it stays on this device after sign-out and on the sign-in page).
 */
export async function changeLocale(input: unknown): Promise<{ ok: true } | { ok: false; error: 'invalid_locale' }> {
  const parsed = z.enum(LOCALES).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid_locale' };
  const locale = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true });
  const actor = await getActor();
  if (actor) {
    if (actor.locale !== locale) {
      await getDb().transaction(async (tx) => {
        await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, actor.userId));
        await recordAudit(tx, {
          actor: { kind: 'user', id: actor.userId },
          action: 'user.locale_changed',
          entityType: 'user',
          entityId: actor.userId,
          dealerId: actor.dealerId,
          data: { changes: { locale: { from: actor.locale, to: locale } } },
        });
      });
    }
    log.info('user changed language', { userId: actor.userId, locale });
  }
  return { ok: true };
}
