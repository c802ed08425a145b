import { and, eq } from 'drizzle-orm';
import { mails } from '@/drizzle/schema';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import { log } from '@/lib/log';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { retryMailSchema } from './schemas';

// The administrator sends a failed mail again: it is due now, with a fresh series of attempts.

export type RetryResult = { ok: true; mailId: number } | { ok: false; error: 'invalid' | 'forbidden' | 'not_found' | 'not_failed' };

export async function retryMail(db: Db, actor: Actor | null, input: unknown): Promise<RetryResult> {
  const parsed = retryMailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  if (!actor || !can(actor, 'mail.retry')) return { ok: false, error: 'forbidden' };
  const { mailId } = parsed.data;
  const now = new Date();
  const result = await db.transaction(async (tx): Promise<RetryResult> => {
    const [row] = await tx
      .update(mails)
      .set({ state: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null })
      .where(and(eq(mails.id, mailId), eq(mails.state, 'failed')))
      .returning({ id: mails.id, kind: mails.kind, toAddress: mails.toAddress, lastError: mails.lastError });
    if (!row) {
      const [exists] = await tx.select({ id: mails.id }).from(mails).where(eq(mails.id, mailId));
      return { ok: false, error: exists ? 'not_failed' : 'not_found' };
    }
    await recordAudit(tx, {
      actor: { kind: 'user', id: actor.userId },
      action: 'mail.retried',
      entityType: 'mail',
      entityId: row.id,
      data: { kind: row.kind, to: row.toAddress, lastError: row.lastError },
    });
    return { ok: true, mailId: row.id };
  });
  if (result.ok) {
    log.info('mail sent again by an administrator', { mailId, by: actor.userId });
    wakeChannelSenders('mail');
  }
  return result;
}
