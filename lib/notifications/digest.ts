import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { notificationDeliveries, notifications, notificationSettings, users } from '@/drizzle/schema';
import type { EmailMode } from '@/drizzle/schema/values';
import { homeAreaOf } from '@/lib/auth/permissions';
import { addDays, factoryToday } from '@/lib/calendar';
import { rowsOf, type Db, type Tx } from '@/lib/db';
import { TIME_ZONE } from '@/lib/i18n/config';
import { log } from '@/lib/log';
import { enqueueMail } from '@/lib/mail/queue';
import { localeOf, translate } from './render';

// E-mail digests. A user whose e-mail mode is daily gets one mail at or after 07:00 Kyiv time each
// day, weekly on Monday at or after 07:00, gathering the notifications waiting for it
// (notification_deliveries, channel email, state digest), newest first; none when nothing waits.
// lastDigestAt says when his last slot was handled, so a slot is handled once even when the job
// runs late or often. A user who went back to immediate e-mail gets what still waits at the next
// run. One process runs it at a time (an advisory lock); mails are only queued here, the mail
// sender sends them.

/** The digest hour, minutes after midnight Kyiv time. */
export const DIGEST_MINUTE = 7 * 60;
/** Items listed in one digest mail; the rest are counted in a last line. */
export const DIGEST_MAX_ITEMS = 100;
/** Users handled per run; the rest wait for the next (the job runs every few minutes). */
const USERS_PER_RUN = 500;
const DIGEST_LOCK = 724_201_031;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** How far Kyiv's clock is ahead of UTC at this instant, in minutes. */
function kyivOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(wallClock.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant when Kyiv's clock shows this date (YYYY-MM-DD) and minute of the day. */
export function kyivInstant(date: string, minute: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  let at = wall - kyivOffsetMinutes(new Date(wall)) * 60_000;
  at = wall - kyivOffsetMinutes(new Date(at)) * 60_000;
  return new Date(at);
}

/** The latest digest time of the period at or before now: today's 07:00, or this week's Monday 07:00. */
export function digestSlot(period: 'daily' | 'weekly', now: Date): Date {
  const today = factoryToday(now);
  if (period === 'daily') {
    const slot = kyivInstant(today, DIGEST_MINUTE);
    return slot <= now ? slot : kyivInstant(addDays(today, -1), DIGEST_MINUTE);
  }
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  const monday = addDays(today, -((weekday + 6) % 7));
  const slot = kyivInstant(monday, DIGEST_MINUTE);
  return slot <= now ? slot : kyivInstant(addDays(monday, -7), DIGEST_MINUTE);
}

type Candidate = { userId: string; mode: EmailMode | null; due: boolean };

/** Makes the digests due at `now`; answers how many mails it queued. */
export async function runDigests(db: Db, now: Date = new Date()): Promise<number> {
  const daily = digestSlot('daily', now);
  const weekly = digestSlot('weekly', now);
  const queued = await db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${DIGEST_LOCK}) as ok`));
    if (!lock?.ok) return 0;
    const s = notificationSettings;
    // Digest users whose slot has come and not been handled yet.
    const due = await tx
      .select({ userId: s.userId, mode: s.emailMode })
      .from(s)
      .where(
        or(
          and(eq(s.emailMode, 'daily'), or(isNull(s.lastDigestAt), lt(s.lastDigestAt, daily))),
          and(eq(s.emailMode, 'weekly'), or(isNull(s.lastDigestAt), lt(s.lastDigestAt, weekly))),
        ),
      )
      .orderBy(asc(s.userId))
      .limit(USERS_PER_RUN);
    // Users back on immediate e-mail (or with no settings) who still have items waiting.
    const leftovers = rowsOf<{ user_id: string }>(
      await tx.execute(sql`
        select distinct d.user_id from ${notificationDeliveries} d
        left join ${s} on ${s.userId} = d.user_id
        where d.channel = 'email' and d.state = 'digest' and coalesce(${s.emailMode}, 'immediate') = 'immediate'
        limit ${USERS_PER_RUN}
      `),
    );
    const candidates: Candidate[] = [
      ...due.map((d) => ({ userId: d.userId, mode: d.mode, due: true })),
      ...leftovers.map((l) => ({ userId: l.user_id, mode: null, due: false })),
    ];
    let mails = 0;
    for (const candidate of candidates) {
      if (await digestFor(tx, candidate, now)) mails += 1;
    }
    if (due.length) {
      await tx.update(s).set({ lastDigestAt: now }).where(inArray(s.userId, due.map((d) => d.userId)));
    }
    return mails;
  });
  if (queued > 0) log.info('e-mail digests queued', { mails: queued });
  return queued;
}

/** One user's digest: queues the mail and marks its items sent; false when nothing waited. */
async function digestFor(tx: Tx, candidate: Candidate, now: Date): Promise<boolean> {
  const d = notificationDeliveries;
  const waiting = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.userId, candidate.userId), eq(d.channel, 'email'), eq(d.state, 'digest')))
    .for('update', { skipLocked: true });
  if (!waiting.length) return false;
  const ids = waiting.map((w) => w.id);
  const [user] = await tx
    .select({ email: users.email, locale: users.locale, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, candidate.userId));
  if (!user?.active) {
    await tx.update(d).set({ state: 'skipped', lastError: 'inactive', sentAt: now }).where(inArray(d.id, ids));
    return false;
  }
  const n = notifications;
  const items = await tx
    .select({ title: n.title, body: n.body, path: n.link, importance: n.importance, createdAt: n.createdAt })
    .from(d)
    .innerJoin(n, eq(n.id, d.notificationId))
    .where(inArray(d.id, ids))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(DIGEST_MAX_ITEMS);
  const locale = localeOf(user.locale);
  const more = ids.length - items.length;
  if (more > 0) {
    // The last line of the list: how many more, and where they are (the template lists newest first).
    const oldest = items.at(-1)?.createdAt ?? now;
    items.push({
      title: translate(locale, 'notifications.digest.more', { count: more }),
      body: null,
      path: `/${homeAreaOf(user.role)}/notifications`,
      importance: 'normal',
      createdAt: new Date(oldest.getTime() - 1),
    });
  }
  const period = candidate.mode === 'weekly' ? 'weekly' : 'daily';
  const mailId = await enqueueMail(tx, { kind: 'digest', data: { period, items, total: ids.length }, to: user.email, userId: candidate.userId, locale }, now);
  await tx.update(d).set({ state: 'sent', mailId, sentAt: now }).where(inArray(d.id, ids));
  return true;
}
