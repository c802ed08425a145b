// Not 'server-only': server.ts (plain Node) runs notifyClaimsPastSla() on a timer.
import { and, eq, inArray, isNull, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import { claims, notifications, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { rowsOf, type Db, type Tx } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { log } from '@/lib/log';
import { recordNotifications, type NotificationDraft } from '@/lib/notifications/channels';
import { localeOf, notificationLink, renderNotification } from '@/lib/notifications/render';
import { NOTIFICATION_TYPES } from '@/lib/notifications/types';
import { wakeChannelSenders } from '@/lib/notifications/wake';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { CLOSED_CLAIM_STATUSES, UNDECIDED_CLAIM_STATUSES } from './workflow';

// The claims desk is told, loudly, when a claim passes an SLA deadline it has not met: the first
// response (met by the desk's first public reply or move) while the claim is still open, the
// decision (met by approving or rejecting; the clock runs again after an appeal) while the claim
// awaits one. The same clocks as the desk queue (lib/claims/queries.ts). One claim.overdue per
// claim, deadline and due time, to the claim's specialist, else to the whole desk (as a new
// claim is announced, lib/notifications/create.ts); never twice, also across processes.

export const CLAIM_OVERDUE_TYPE = 'claim.overdue' as const;
export type SlaDeadline = 'first_response' | 'decision';

/** Several processes run the check; one takes it at a time. */
const CHECK_LOCK = 724_201_021;
const DESK_ROLES = NOTIFICATION_TYPES[CLAIM_OVERDUE_TYPE].roles as readonly Role[];

type PastDue = { number: string; assigneeId: string | null; deadline: SlaDeadline; dueAt: Date };
type DeskMember = NotificationDraft['user'];

/** A notice already given for this claim, deadline and due time (to anyone on the desk). */
function alreadyTold(deadline: SlaDeadline, dueAt: SQL): SQL {
  const n = notifications;
  return sql`exists (
    select 1 from ${n}
    where ${n.userId} in (select ${users.id} from ${users} where ${users.role} in (${sql.join(
      DESK_ROLES.map((r) => sql`${r}`),
      sql`, `,
    )}))
      and ${n.type} = ${CLAIM_OVERDUE_TYPE}
      and ${n.createdAt} >= ${dueAt}
      and ${n.data}->>'number' = ${claims.number}
      and ${n.data}->>'deadline' = ${deadline}
      and date_trunc('milliseconds', (${n.data}->>'dueAt')::timestamptz) = date_trunc('milliseconds', ${dueAt})
  )`;
}

/** Claims whose running clock of this kind passed its deadline by `now` and that nobody was told of yet. */
async function pastDue(tx: Tx, deadline: SlaDeadline, now: Date): Promise<PastDue[]> {
  const dueAt = deadline === 'first_response' ? claims.firstResponseDueAt : claims.decisionDueAt;
  const running =
    deadline === 'first_response'
      ? and(isNull(claims.firstResponseAt), notInArray(claims.status, CLOSED_CLAIM_STATUSES))
      : inArray(claims.status, UNDECIDED_CLAIM_STATUSES);
  const rows = await tx
    .select({ number: claims.number, assigneeId: claims.assigneeId, dueAt })
    .from(claims)
    .where(and(running, lte(dueAt, now), sql`not ${alreadyTold(deadline, sql`${dueAt}`)}`))
    .orderBy(dueAt, claims.id);
  return rows.flatMap((r) => (r.dueAt ? [{ number: r.number, assigneeId: r.assigneeId, deadline, dueAt: r.dueAt }] : []));
}

function draftsFor(claim: PastDue, desk: DeskMember[]): NotificationDraft[] {
  const assignee = desk.find((u) => u.id === claim.assigneeId);
  // The claim's specialist; the whole desk when nobody (active) has it.
  const recipients = assignee ? [assignee] : desk;
  const values = { number: claim.number };
  return recipients.map((user) => {
    const words = renderNotification(
      { type: CLAIM_OVERDUE_TYPE, values: { ...values, deadline: claim.deadline, dueAt: formatDateTime(claim.dueAt, localeOf(user.locale)) }, body: true },
      user.locale,
    );
    return {
      user,
      type: CLAIM_OVERDUE_TYPE,
      importance: 'critical',
      title: words.title,
      body: words.body,
      link: notificationLink(CLAIM_OVERDUE_TYPE, user.role, values),
      data: { number: claim.number, deadline: claim.deadline, dueAt: claim.dueAt.toISOString() },
    };
  });
}

/**
 * Tells the desk of every claim that passed a deadline since the last run; answers how many
 * notifications were stored. A run that finds another process checking does nothing.
 */
export async function notifyClaimsPastSla(db: Db, now = new Date()): Promise<number> {
  const result = await db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHECK_LOCK}) as ok`));
    if (!lock?.ok) return { claims: 0, stored: 0 };
    const due = [...(await pastDue(tx, 'first_response', now)), ...(await pastDue(tx, 'decision', now))];
    if (!due.length) return { claims: 0, stored: 0 };
    const desk = await tx
      .select({ id: users.id, role: users.role, locale: users.locale, email: users.email })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, [...DESK_ROLES])));
    const drafts = due.flatMap((claim) => draftsFor(claim, desk));
    const stored = await recordNotifications(tx, drafts, now, { viaOutbox: true });
    return { claims: due.length, stored: stored.length };
  });
  if (result.stored > 0) {
    wakeDispatcher();
    wakeChannelSenders();
    log.info('claims past their SLA deadline: desk told', { claims: result.claims, notifications: result.stored });
  }
  return result.stored;
}
