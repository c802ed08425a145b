import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { notifications, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import { isDealerRole } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import { payloadId, payloadText, statusKey, type BatchFacts, type OutboxRow } from '@/lib/realtime/facts';
import { parseAudience } from '@/lib/realtime/route';
import { recordNotifications, type NotificationDraft, type StoredNotification } from './channels';
import { notificationLink, renderNotification, type NotificationContent } from './render';
import { NOTIFICATION_TYPES, notificationImportance, type NotificationImportance, type NotificationType } from './types';

// Stored notifications for the outbox rows that matter to people, created by the dispatcher in
// the transaction that claims the rows: one per recipient, worded in his language, with a link
// into his area, sent on the channels he has on (channels.ts: his choice, else his role's default).
// Noise is left out: order.updated, a progress report that keeps the order's stage, a trip's
// loading or a status already told, a second settlements notice while the first is unread.

export type { StoredNotification } from './channels';

/** One thing to tell, before the recipients are known. */
type Intent = {
  type: NotificationType;
  content: NotificationContent;
  importance: NotificationImportance;
  data: Record<string, unknown>;
  /** The users of these dealers, users of these roles, these users: as far as the type's roles allow. */
  dealerIds: number[];
  roles: Role[];
  userIds: string[];
  /** Not told of what he did himself. */
  exceptUserId?: string | null;
  /** A trip: told only when its status differs from the one last told to the dealer. */
  shipment?: { number: string; status: string; dealerId: number };
};

type Recipient = { id: string; role: Role; dealerId: number | null; locale: string | null; email: string };

/** Trip statuses worth a notification (loading is a moment before leaving). */
const TOLD_SHIPMENT_STATUSES = new Set(['planned', 'in_transit', 'delivered']);
/** A settlements notice is not repeated while an earlier one is unread and this recent. */
const LEDGER_QUIET_MINUTES = 15;
const EXCERPT = 140;

export async function createNotifications(tx: Tx, rows: OutboxRow[], facts: BatchFacts, now = new Date()): Promise<StoredNotification[]> {
  let intents = dedupe(rows.flatMap((row) => intentsFor(row, facts)));
  if (!intents.length) return [];

  const recipients = await loadRecipients(tx, intents);
  if (!recipients.length) return [];
  intents = await withoutToldShipments(tx, intents, recipients);
  const quiet = await usersWithUnreadLedger(tx, intents, recipients, now);

  const drafts: NotificationDraft[] = [];
  for (const intent of intents) {
    const allowed = NOTIFICATION_TYPES[intent.type].roles as readonly Role[];
    for (const user of recipients) {
      if (!allowed.includes(user.role) || user.id === intent.exceptUserId) continue;
      const addressed =
        (user.dealerId !== null && intent.dealerIds.includes(user.dealerId)) || intent.roles.includes(user.role) || intent.userIds.includes(user.id);
      if (!addressed) continue;
      if (intent.shipment && user.dealerId !== intent.shipment.dealerId) continue;
      if (intent.type === 'ledger.updated' && quiet.has(user.id)) continue;
      const { title, body } = renderNotification(intent.content, user.locale);
      drafts.push({
        user,
        type: intent.type,
        importance: intent.importance,
        title,
        body,
        link: notificationLink(intent.type, user.role, intent.content.values),
        data: intent.data,
      });
    }
  }
  // Each recipient's channels (his choices, else his role's defaults) decide what is stored and sent.
  return recordNotifications(tx, drafts, now);
}

function intentsFor(row: OutboxRow, facts: BatchFacts): Intent[] {
  const audience = parseAudience(row.audience);
  const base = { roles: [] as Role[], userIds: [] as string[] };
  switch (row.event) {
    case 'order.status': {
      const number = payloadText(row.payload.number);
      const status = payloadText(row.payload.status);
      const occurredAt = payloadText(row.payload.occurredAt);
      if (!number || !status || !occurredAt) return [];
      // A progress report within the same stage (3 of 10 made, then 5) is no news.
      if (facts.previousStatus.get(statusKey(number, occurredAt)) === status) return [];
      return [
        {
          ...base,
          type: 'order.status',
          content: { type: 'order.status', values: { number }, status: { kind: 'order', value: status } },
          importance: notificationImportance('order.status', { status }),
          data: { number, status },
          dealerIds: audience.dealerIds,
        },
      ];
    }
    case 'shipment.updated': {
      const number = payloadText(row.payload.number);
      const shipment = number ? facts.shipments.get(number) : undefined;
      if (!number || !shipment || !TOLD_SHIPMENT_STATUSES.has(shipment.status)) return [];
      const orderNumbers = Array.isArray(row.payload.orderNumbers) ? row.payload.orderNumbers.map(payloadText) : [];
      return audience.dealerIds.map((dealerId) => {
        // Each dealer hears only of its own orders on the trip.
        const own = orderNumbers.filter((n): n is string => n !== null && facts.orderDealers.get(n) === dealerId);
        return {
          ...base,
          type: 'shipment.updated',
          content: { type: 'shipment.updated', values: { number }, status: { kind: 'shipment', value: shipment.status }, orders: own, body: true },
          importance: notificationImportance('shipment.updated'),
          data: { shipment: number, status: shipment.status, dealerId, orderNumbers: own },
          dealerIds: [dealerId],
          shipment: { number, status: shipment.status, dealerId },
        };
      });
    }
    case 'ledger.updated': {
      const dealerCode = payloadText(row.payload.dealerCode);
      if (!dealerCode) return [];
      return [
        {
          ...base,
          type: 'ledger.updated',
          content: { type: 'ledger.updated', values: { dealerCode } },
          importance: notificationImportance('ledger.updated'),
          data: { dealerCode },
          dealerIds: audience.dealerIds,
        },
      ];
    }
    case 'claim.updated':
    case 'claim.message':
      return claimIntents(row, facts);
    case 'announcement.published': {
      const id = payloadId(row.payload.id);
      const title = payloadText(row.payload.title);
      if (!id || !title) return [];
      return [
        {
          type: 'announcement.published',
          content: { type: 'announcement.published', values: { id, title } },
          importance: notificationImportance('announcement.published'),
          data: { id },
          dealerIds: audience.dealerIds,
          roles: audience.roles,
          userIds: audience.userIds,
        },
      ];
    }
    default:
      // order.updated is noise; `notification` rows (sync alerts) were stored by whoever wrote them.
      return [];
  }
}

/**
 * A claim's dealer hears of the desk's moves and messages; the desk (the assignee, else every
 * specialist) hears of a new claim and of what the dealer does. An internal note reaches the desk
 * only. Nobody is told of his own move or message.
 */
function claimIntents(row: OutboxRow, facts: BatchFacts): Intent[] {
  const number = payloadText(row.payload.number);
  const claim = number ? facts.claims.get(number) : undefined;
  if (!number || !claim) return [];
  const desk = claim.assigneeId ? { roles: [] as Role[], userIds: [claim.assigneeId] } : { roles: ['claims', 'admin'] as Role[], userIds: [] };
  if (row.event === 'claim.updated') {
    const byDealer = claim.lastActorRole !== null && isDealerRole(claim.lastActorRole);
    const toDealer = claim.status !== 'submitted' && !byDealer;
    const toDesk = claim.status === 'submitted' || byDealer || claim.lastActorId === null;
    if (!toDealer && !toDesk) return [];
    return [
      {
        type: 'claim.updated',
        content: { type: 'claim.updated', values: { number }, status: { kind: 'claim', value: claim.status } },
        importance: notificationImportance('claim.updated'),
        data: { number, status: claim.status },
        dealerIds: toDealer ? [claim.dealerId] : [],
        roles: toDesk ? desk.roles : [],
        userIds: toDesk ? desk.userIds : [],
        exceptUserId: claim.lastActorId,
      },
    ];
  }
  const messageId = payloadId(row.payload.messageId);
  const message = messageId ? facts.messages.get(messageId) : undefined;
  if (!message || message.claimId !== claim.id) return [];
  const excerpt = message.body.length > EXCERPT ? `${message.body.slice(0, EXCERPT - 1)}…` : message.body;
  return [
    {
      type: 'claim.message',
      content: { type: 'claim.message', values: { number, excerpt }, body: true },
      importance: notificationImportance('claim.message'),
      data: { number, messageId: message.id },
      dealerIds: message.internal ? [] : [claim.dealerId],
      // An internal note never reaches a dealer: the dealers' roles are not addressed at all.
      roles: desk.roles,
      userIds: desk.userIds,
      exceptUserId: message.authorId,
    },
  ];
}

/** One notification per dealer and batch for settlements and per dealer and trip status. */
function dedupe(intents: Intent[]): Intent[] {
  const seen = new Set<string>();
  return intents.filter((intent) => {
    const key =
      intent.type === 'ledger.updated'
        ? `ledger|${intent.dealerIds.join(',')}`
        : intent.shipment
          ? `shipment|${intent.shipment.number}|${intent.shipment.dealerId}`
          : null;
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function loadRecipients(tx: Tx, intents: Intent[]): Promise<Recipient[]> {
  const dealerIds = [...new Set(intents.flatMap((i) => i.dealerIds))];
  const roles = [...new Set(intents.flatMap((i) => i.roles))];
  const userIds = [...new Set(intents.flatMap((i) => i.userIds))];
  const who: SQL[] = [];
  if (dealerIds.length) who.push(inArray(users.dealerId, dealerIds));
  if (roles.length) who.push(inArray(users.role, roles));
  if (userIds.length) who.push(inArray(users.id, userIds));
  if (!who.length) return [];
  return tx
    .select({ id: users.id, role: users.role, dealerId: users.dealerId, locale: users.locale, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), or(...who)));
}

/** Drops trip notices whose status is the one the dealer's users were last told. */
async function withoutToldShipments(tx: Tx, intents: Intent[], recipients: Recipient[]): Promise<Intent[]> {
  const kept: Intent[] = [];
  for (const intent of intents) {
    if (!intent.shipment) {
      kept.push(intent);
      continue;
    }
    const { number, status, dealerId } = intent.shipment;
    const dealerUsers = recipients.filter((r) => r.dealerId === dealerId).map((r) => r.id);
    if (!dealerUsers.length) continue;
    const [last] = await tx
      .select({ status: sql<string | null>`${notifications.data}->>'status'` })
      .from(notifications)
      .where(
        and(
          inArray(notifications.userId, dealerUsers),
          eq(notifications.type, 'shipment.updated'),
          sql`${notifications.data}->>'shipment' = ${number}`,
        ),
      )
      .orderBy(sql`${notifications.createdAt} desc, ${notifications.id} desc`)
      .limit(1);
    if (last?.status !== status) kept.push(intent);
  }
  return kept;
}

async function usersWithUnreadLedger(tx: Tx, intents: Intent[], recipients: Recipient[], now: Date): Promise<Set<string>> {
  const dealerIds = new Set(intents.filter((i) => i.type === 'ledger.updated').flatMap((i) => i.dealerIds));
  const ids = recipients.filter((r) => r.dealerId !== null && dealerIds.has(r.dealerId)).map((r) => r.id);
  if (!ids.length) return new Set();
  const since = new Date(now.getTime() - LEDGER_QUIET_MINUTES * 60_000);
  const rows = await tx
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, ids),
        eq(notifications.type, 'ledger.updated'),
        isNull(notifications.readAt),
        gt(notifications.createdAt, since),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}
