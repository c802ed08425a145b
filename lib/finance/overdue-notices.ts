// Not 'server-only': server.ts (plain Node) runs notifyOverduePayments() on a timer.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { dealers, notifications, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { factoryToday } from '@/lib/calendar';
import { rowsOf, type Db, type Tx } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { log } from '@/lib/log';
import { recordNotifications, type NotificationDraft } from '@/lib/notifications/channels';
import { localeOf, notificationLink, renderNotification } from '@/lib/notifications/render';
import { NOTIFICATION_TYPES } from '@/lib/notifications/types';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { debtPositionsSql } from './ageing';
import { oldestOverdueSql } from './receivables';

// A dealer's users are told, loudly, when part of his debt becomes overdue (lib/finance/ageing.ts:
// credits pay the oldest-due debt first; overdue is the open debt due before the factory's today).
// At most once per dealer and factory day, and only with news since the last notice: the overdue
// amount grew, or the oldest overdue debt fell due on or after the last notice's day (so it was not
// overdue then: what was overdue before has been paid and this is a new debt). Each notice keeps
// the amount, the oldest due date and the day in its data; the comparison is in the database on
// numeric values, exactly. One statement finds every dealer with news; several processes run the
// check and one takes it at a time.

export const PAYMENT_OVERDUE_TYPE = 'payment.overdue' as const;

const CHECK_LOCK = 724_201_022;
const RECEIVING_ROLES = NOTIFICATION_TYPES[PAYMENT_OVERDUE_TYPE].roles as readonly Role[];

export type OverdueNews = { dealerId: number; code: string; currency: string; overdue: string; oldestDueDate: string };

type NewsRow = { id: number | string; code: string; currency: string; overdue: string; oldest_due: string };

/**
 * A ledger write that committed just after a notice may carry an earlier time than the notice:
 * changes this close before the last notice count as after it.
 */
const CHANGE_MARGIN_MINUTES = 10;

/**
 * Dealers (active) whose overdue debt is news today: never told, or more or newer since the last
 * notice. The oldest overdue date costs a look at each dealer's ledger, so it is read only for
 * dealers that may have news: a new oldest debt needs a ledger change since the last notice (time
 * alone only adds newer overdue debts behind the oldest one).
 */
export async function findOverdueNews(tx: Tx, today: string): Promise<OverdueNews[]> {
  const result = await tx.execute(overdueNewsSql(today));
  return rowsOf<NewsRow>(result).map((r) => ({ dealerId: Number(r.id), code: r.code, currency: r.currency, overdue: r.overdue, oldestDueDate: r.oldest_due }));
}

function overdueNewsSql(today: string): SQL {
  const n = notifications;
  return sql`
    with candidates as materialized (
      select d.id, d.code, d.currency, p.overdue, last.overdue as last_overdue, last.day as last_day
      from ${dealers} d
      join (${debtPositionsSql(today, sql`true`)}) p on p.dealer_id = d.id
      left join lateral (
        select ${n.data}->>'overdue' as overdue, ${n.data}->>'day' as day, ${n.createdAt} as at
        from ${users} u
        join ${n} on ${n.userId} = u.id and ${n.type} = ${PAYMENT_OVERDUE_TYPE}
        where u.dealer_id = d.id
        order by ${n.createdAt} desc, ${n.id} desc
        limit 1
      ) last on true
      where d.active and p.overdue::numeric > 0
        and (last.day is null
             or (last.day::date < ${today}::date
                 and (p.overdue::numeric > last.overdue::numeric
                      or p.updated_at > last.at - make_interval(mins => ${CHANGE_MARGIN_MINUTES}))))
    )
    , dated as materialized (
      select c.*, (${oldestOverdueSql(today, sql`c.id`)})::text as oldest_due from candidates c
    )
    select id, code, currency, overdue, oldest_due
    from dated
    where oldest_due is not null
      and (last_day is null or overdue::numeric > last_overdue::numeric or oldest_due::date >= last_day::date)
    order by code
  `;
}

function draftsFor(news: OverdueNews, recipients: NotificationDraft['user'][], today: string): NotificationDraft[] {
  return recipients.map((user) => {
    const locale = localeOf(user.locale);
    const values = { amount: formatMoney(news.overdue, news.currency, locale), date: formatDate(news.oldestDueDate, locale) };
    const words = renderNotification({ type: PAYMENT_OVERDUE_TYPE, values, body: true }, locale);
    return {
      user,
      type: PAYMENT_OVERDUE_TYPE,
      importance: 'critical',
      title: words.title,
      body: words.body,
      link: notificationLink(PAYMENT_OVERDUE_TYPE, user.role, {}),
      data: { dealerId: news.dealerId, dealerCode: news.code, overdue: news.overdue, currency: news.currency, oldestDueDate: news.oldestDueDate, day: today },
    };
  });
}

/**
 * Tells the active users of every dealer whose overdue debt is news (see above); answers how many
 * notifications were stored. A run that finds another process checking does nothing.
 */
export async function notifyOverduePayments(db: Db, now = new Date()): Promise<number> {
  const today = factoryToday(now);
  const result = await db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHECK_LOCK}) as ok`));
    if (!lock?.ok) return { dealers: 0, stored: 0 };
    // Compiling the statement costs more than running it.
    await tx.execute(sql`set local jit = off`);
    const news = await findOverdueNews(tx, today);
    if (!news.length) return { dealers: 0, stored: 0 };
    const people = await tx
      .select({ id: users.id, role: users.role, locale: users.locale, email: users.email, dealerId: users.dealerId })
      .from(users)
      .where(and(inArray(users.dealerId, news.map((d) => d.dealerId)), eq(users.active, true), inArray(users.role, [...RECEIVING_ROLES])))
      .orderBy(asc(users.createdAt), asc(users.id));
    const byDealer = new Map<number, NotificationDraft['user'][]>();
    for (const { dealerId, ...user } of people) {
      if (dealerId === null) continue;
      const list = byDealer.get(dealerId) ?? [];
      list.push(user);
      byDealer.set(dealerId, list);
    }
    const drafts = news.flatMap((d) => draftsFor(d, byDealer.get(d.dealerId) ?? [], today));
    const stored = await recordNotifications(tx, drafts, now, { viaOutbox: true });
    return { dealers: news.length, stored: stored.length };
  });
  if (result.stored > 0) {
    wakeDispatcher();
    wakeChannelSenders();
    log.info('overdue payments: dealers told', { dealers: result.dealers, notifications: result.stored, today });
  }
  return result.stored;
}
