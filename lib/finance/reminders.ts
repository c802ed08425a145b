import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, dealers, paymentReminders, users } from '@/drizzle/schema';
import type { Locale } from '@/drizzle/schema/values';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import { factoryToday } from '@/lib/calendar';
import type { Db, DbOrTx } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { log } from '@/lib/log';
import { localeOf, notificationLink, renderNotification } from '@/lib/notifications/render';
import { recordNotifications } from '@/lib/notifications/channels';
import { NOTIFICATION_TYPES } from '@/lib/notifications/types';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { getReceivablesForDealers, type ReceivableRow } from './receivables';

// Payment reminders: finance staff pick dealers with overdue debt, read each reminder as the
// dealer's owner will (in the owner's language: the dealer's name, the overdue amount, the oldest
// due date, a link to /dealer/finance), and send. Each sent reminder is a payment_reminders row
// (the words and the amount as they were) and a notification to every active owner of the dealer,
// on the channels he has on for payment reminders (lib/notifications/channels.ts: the portal, with
// its outbox row so the realtime dispatcher rings his bell; push; e-mail). Staff of the dealer other than owners are not told. A dealer reminded less than
// REPEAT_HOURS ago is reminded again only when the sender confirms it.

export const REMINDER_TYPE = 'payment.reminder' as const;
export const REPEAT_HOURS = 24;
export const MAX_REMINDERS_AT_ONCE = 500;

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

export const sendRemindersSchema = z.object({
  dealerCodes: z.array(z.string().trim().regex(CODE)).min(1).max(MAX_REMINDERS_AT_ONCE),
  confirmRepeat: z.boolean().default(false),
});

export type ReminderStatus = 'ready' | 'not_overdue' | 'no_owner';

export type ReminderPreview = {
  code: string;
  name: string;
  status: ReminderStatus;
  overdue: string;
  currency: string;
  oldestDueDate: string | null;
  lastReminderAt: Date | null;
  /** Reminded within REPEAT_HOURS: sending again needs a confirmation. */
  recent: boolean;
  /** The owner the words are for (the first, when there are several), and how many owners there are. */
  owner: { name: string; locale: Locale } | null;
  owners: number;
  title: string | null;
  text: string | null;
};

type Owner = { id: string; name: string; email: string; dealerId: number; locale: string | null };

async function ownersOf(db: DbOrTx, dealerIds: number[]): Promise<Map<number, Owner[]>> {
  const rows = dealerIds.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email, dealerId: users.dealerId, locale: users.locale })
        .from(users)
        .where(and(inArray(users.dealerId, dealerIds), eq(users.role, 'dealer_owner'), eq(users.active, true)))
        .orderBy(asc(users.createdAt), asc(users.id))
    : [];
  const byDealer = new Map<number, Owner[]>();
  for (const r of rows) {
    if (r.dealerId === null) continue;
    byDealer.set(r.dealerId, [...(byDealer.get(r.dealerId) ?? []), { ...r, dealerId: r.dealerId }]);
  }
  return byDealer;
}

/** The reminder's words for one owner, in his language. */
export function reminderWords(row: Pick<ReceivableRow, 'name' | 'overdue' | 'currency' | 'oldestDueDate'>, ownerLocale: string | null) {
  const locale = localeOf(ownerLocale);
  const values = {
    dealer: row.name,
    amount: formatMoney(row.overdue, row.currency, locale),
    date: row.oldestDueDate ? formatDate(row.oldestDueDate, locale) : '—',
    link: `${getEnv().publicUrl}/dealer/finance`,
  };
  const { title, body } = renderNotification({ type: REMINDER_TYPE, values, body: true }, locale);
  return { locale, title, text: body ?? '' };
}

async function dealerIdsOf(db: DbOrTx, codes: string[]): Promise<number[]> {
  if (!codes.length) return [];
  const rows = await db.select({ id: dealers.id }).from(dealers).where(inArray(dealers.code, codes));
  return rows.map((r) => r.id);
}

function previewOf(row: ReceivableRow, owners: Owner[], now: Date): ReminderPreview {
  const overdue = row.overdue !== '0.00' && !row.overdue.startsWith('-');
  const status: ReminderStatus = !overdue ? 'not_overdue' : owners.length === 0 ? 'no_owner' : 'ready';
  const first = owners[0];
  const words = status === 'ready' && first ? reminderWords(row, first.locale) : null;
  return {
    code: row.code,
    name: row.name,
    status,
    overdue: row.overdue,
    currency: row.currency,
    oldestDueDate: row.oldestDueDate,
    lastReminderAt: row.lastReminderAt,
    recent: row.lastReminderAt !== null && now.getTime() - row.lastReminderAt.getTime() < REPEAT_HOURS * 3_600_000,
    owner: first ? { name: first.name, locale: localeOf(first.locale) } : null,
    owners: owners.length,
    title: words?.title ?? null,
    text: words?.text ?? null,
  };
}

/** What each chosen dealer's owner would read, without sending anything. Unknown codes are left out. */
export async function previewReminders(db: DbOrTx, actor: Actor | null, dealerCodes: string[], now = new Date()): Promise<ReminderPreview[]> {
  assertCan(actor, 'finance.remind');
  const codes = dealerCodes.filter((c) => CODE.test(c)).slice(0, MAX_REMINDERS_AT_ONCE);
  const ids = await dealerIdsOf(db, codes);
  const [rows, owners] = await Promise.all([getReceivablesForDealers(db, actor, ids, factoryToday(now)), ownersOf(db, ids)]);
  return rows.map((row) => previewOf(row, owners.get(row.dealerId) ?? [], now));
}

export type SentReminder = { code: string; reminderId: number; notified: number; owners: number };
export type SendResult =
  | { ok: true; sent: SentReminder[]; skipped: { code: string; reason: Exclude<ReminderStatus, 'ready'> }[] }
  | { ok: false; error: 'invalid' }
  /** Some were reminded within REPEAT_HOURS: nothing was sent; send again with confirmRepeat. */
  | { ok: false; error: 'recent'; recent: { code: string; name: string; lastReminderAt: Date }[] };

class RecentRefusal extends Error {
  constructor(readonly recent: { code: string; name: string; lastReminderAt: Date }[]) {
    super('recently reminded');
  }
}

/**
 * Sends a reminder to each chosen dealer with overdue debt and an active owner. The dealers' rows
 * are locked while it runs, so two people pressing "send" at once do not remind a dealer twice
 * unasked: the second sees the first's reminder as recent.
 */
export async function sendReminders(db: Db, actor: Actor | null, input: unknown, now = new Date()): Promise<SendResult> {
  assertCan(actor, 'finance.remind');
  const parsed = sendRemindersSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const codes = [...new Set(parsed.data.dealerCodes)];
  const { confirmRepeat } = parsed.data;
  try {
    const result = await db.transaction(async (tx) => {
      const locked = await tx.select({ id: dealers.id }).from(dealers).where(inArray(dealers.code, codes)).orderBy(asc(dealers.id)).for('update');
      const ids = locked.map((d) => d.id);
      const [rows, owners] = await Promise.all([getReceivablesForDealers(tx, actor, ids, factoryToday(now)), ownersOf(tx, ids)]);
      const previews = rows.map((row) => ({ row, preview: previewOf(row, owners.get(row.dealerId) ?? [], now) }));
      const ready = previews.filter((p) => p.preview.status === 'ready');
      const recent = ready.filter((p) => p.preview.recent);
      if (recent.length && !confirmRepeat) {
        throw new RecentRefusal(recent.map((p) => ({ code: p.row.code, name: p.row.name, lastReminderAt: p.preview.lastReminderAt as Date })));
      }
      const sent: SentReminder[] = [];
      for (const { row, preview } of ready) {
        const dealerOwners = owners.get(row.dealerId) ?? [];
        const [reminder] = await tx
          .insert(paymentReminders)
          .values({
            dealerId: row.dealerId,
            sentById: actor.userId,
            sentAt: now,
            overdue: row.overdue,
            currency: row.currency,
            oldestDueDate: row.oldestDueDate,
            recipients: dealerOwners.length,
            // Set below, once the owners' channels have decided who is told.
            notified: 0,
            locale: preview.owner?.locale ?? localeOf(null),
            title: preview.title ?? '',
            text: preview.text ?? '',
          })
          .returning({ id: paymentReminders.id });
        if (!reminder) throw new Error('the reminder was not stored');
        const data = { dealerCode: row.code, reminderId: reminder.id, overdue: row.overdue, oldestDueDate: row.oldestDueDate };
        const importance = NOTIFICATION_TYPES[REMINDER_TYPE].importance;
        const created = await recordNotifications(
          tx,
          dealerOwners.map((owner) => {
            const words = reminderWords(row, owner.locale);
            return {
              user: { id: owner.id, role: 'dealer_owner' as const, locale: owner.locale, email: owner.email },
              type: REMINDER_TYPE,
              importance,
              title: words.title,
              body: words.text,
              link: notificationLink(REMINDER_TYPE, 'dealer_owner', {}),
              data,
            };
          }),
          now,
          { viaOutbox: true },
        );
        if (created.length) await tx.update(paymentReminders).set({ notified: created.length }).where(eq(paymentReminders.id, reminder.id));
        await tx.insert(auditLog).values({
          actorKind: 'user',
          actorId: actor.userId,
          action: 'dealer.payment_reminder',
          entityType: 'dealer',
          entityId: row.code,
          dealerId: row.dealerId,
          data: { ...data, currency: row.currency, owners: dealerOwners.length, notified: created.length, repeat: preview.recent },
        });
        sent.push({ code: row.code, reminderId: reminder.id, notified: created.length, owners: dealerOwners.length });
      }
      const skipped = previews
        .filter((p) => p.preview.status !== 'ready')
        .map((p) => ({ code: p.row.code, reason: p.preview.status as Exclude<ReminderStatus, 'ready'> }));
      return { sent, skipped };
    });
    if (result.sent.some((s) => s.notified > 0)) {
      wakeDispatcher();
      wakeChannelSenders();
    }
    log.info('payment reminders sent', { userId: actor.userId, sent: result.sent.length, skipped: result.skipped.length });
    return { ok: true, ...result };
  } catch (err) {
    if (err instanceof RecentRefusal) return { ok: false, error: 'recent', recent: err.recent };
    throw err;
  }
}
