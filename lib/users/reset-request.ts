import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { mails, users } from '@/drizzle/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { enqueueLinkMail } from '@/lib/mail/link-mail';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { issuePasswordLink, PASSWORD_RESET_PURPOSE, passwordLinkPath } from './links';
import { stateOf } from './queries';

// "Forgot your password?" on the sign-in page: whoever knows an account's e-mail may have a reset
// link mailed to it. The answer is the same whether or not the address has an account, so the
// form tells nobody who has one. Limits: a few requests per client address (this process, in
// memory), and at most a few reset mails per account and hour (counted in the mail queue; past
// that nothing more is sent, with the same answer).

export const emailSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254) });

export type ResetRequestResult = { ok: true } | { ok: false; error: 'invalid' | 'rate_limited' };

const WINDOW_MS = 15 * 60_000;
const MAX_PER_ADDRESS = 5;
const MAX_MAILS_PER_ACCOUNT_AND_HOUR = 3;

const requestsByAddress = new Map<string, number[]>();

/** Counts this request against the client address; false when it is over the limit. */
function withinAddressLimit(ip: string, now: number): boolean {
  const recent = (requestsByAddress.get(ip) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= MAX_PER_ADDRESS) {
    requestsByAddress.set(ip, recent);
    return false;
  }
  recent.push(now);
  requestsByAddress.set(ip, recent);
  // Old addresses do not pile up.
  if (requestsByAddress.size > 10_000) {
    for (const [key, times] of requestsByAddress) if (times.every((t) => now - t >= WINDOW_MS)) requestsByAddress.delete(key);
  }
  return true;
}

export async function requestPasswordReset(db: Db, input: unknown, ip: string, now = new Date()): Promise<ResetRequestResult> {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  if (!withinAddressLimit(ip, now.getTime())) {
    log.warn('password reset request refused: too many from this address', { ip });
    return { ok: false, error: 'rate_limited' };
  }
  const { email } = parsed.data;
  const mailed = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
        dealerId: users.dealerId,
        active: users.active,
        invitedAt: users.invitedAt,
        invitationAcceptedAt: users.invitationAcceptedAt,
      })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1)
      .for('update');
    // No account, a switched-off one, or one still waiting for its first password: nothing to send.
    if (!user || stateOf(user) !== 'active') return false;
    const [sent] = await tx
      .select({ n: count() })
      .from(mails)
      .where(and(eq(mails.userId, user.id), eq(mails.kind, 'password_reset'), gt(mails.createdAt, new Date(now.getTime() - 60 * 60_000))));
    if (Number(sent?.n ?? 0) >= MAX_MAILS_PER_ACCOUNT_AND_HOUR) {
      log.warn('password reset request: enough mails for this account this hour', { userId: user.id, ip });
      return false;
    }
    const { token, expiresAt } = await issuePasswordLink(tx, user.id, PASSWORD_RESET_PURPOSE, now);
    await recordAudit(tx, {
      actor: { kind: 'user', id: user.id },
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      dealerId: user.dealerId,
      data: { ip, expiresAt: expiresAt.toISOString() },
    });
    await enqueueLinkMail(tx, { kind: 'password_reset', user, path: passwordLinkPath(token, PASSWORD_RESET_PURPOSE, user.role), expiresAt }, now);
    return true;
  });
  if (mailed) {
    log.info('password reset link mailed on request', { ip });
    wakeChannelSenders('mail');
  }
  return { ok: true };
}
