import { ROLES, type Role } from '@/drizzle/schema/values';
import { rolesWith } from '@/lib/auth/permissions';
import { payloadId, payloadText, type BatchFacts, type OutboxRow } from './facts';
import { rooms } from './rooms';

// Where each outbox row goes and what it says: the contract's events (CONTRACT.md section 5) carry
// exactly the contract's payload, and go only to the rooms of people allowed to see the object.

export type Emission = { event: string; payload: Record<string, unknown>; rooms: string[] };

/** The contract's events and the fields of their payloads; anything else in a row stays home. */
export const CONTRACT_PAYLOADS: Record<string, readonly string[]> = {
  'order.status': ['number', 'status', 'occurredAt'],
  'order.updated': ['number'],
  'shipment.updated': ['number', 'orderNumbers'],
  'ledger.updated': ['dealerCode'],
  'claim.updated': ['number', 'status'],
  'claim.message': ['number', 'messageId'],
  'announcement.published': ['id', 'title'],
  notification: ['id', 'type', 'title', 'importance'],
};

export function contractPayload(event: string, payload: Record<string, unknown>): Record<string, unknown> {
  const fields = CONTRACT_PAYLOADS[event];
  if (!fields) return payload;
  return Object.fromEntries(fields.filter((f) => payload[f] !== undefined).map((f) => [f, payload[f]]));
}

/** The audience shapes outbox rows use: { dealerId }, { dealerIds }, { roles }, { userId(s) }, { claim }. */
export type Audience = { dealerIds: number[]; roles: Role[]; userIds: string[]; claims: string[] };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export function parseAudience(audience: Record<string, unknown>): Audience {
  const dealerIds = [...list(audience.dealerId), ...list(audience.dealerIds)].map(payloadId).filter((n): n is number => n !== null);
  const roles = list(audience.roles).filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
  const userIds = [...list(audience.userId), ...list(audience.userIds)].map(payloadText).filter((u): u is string => u !== null);
  const claims = list(audience.claim).map((c) => payloadText(typeof c === 'number' ? String(c) : c)).filter((c): c is string => c !== null);
  return { dealerIds: [...new Set(dealerIds)], roles: [...new Set(roles)], userIds: [...new Set(userIds)], claims: [...new Set(claims)] };
}

export function roomsOf(audience: Audience): string[] {
  return [
    ...audience.dealerIds.map(rooms.dealer),
    ...audience.roles.map(rooms.role),
    ...audience.userIds.map(rooms.user),
    ...audience.claims.map(rooms.claim),
  ];
}

/** The claims desk: told of every claim's moves and public messages. */
export const CLAIMS_DESK_ROLES = rolesWith('claims.work');
/** Who may read internal notes; a note never goes to a room a dealer's user can be in. */
export const INTERNAL_NOTE_ROLES = rolesWith('claims.internalNotes');

export function emissionsFor(row: OutboxRow, facts: BatchFacts): Emission[] {
  const audience = parseAudience(row.audience);
  const payload = contractPayload(row.event, row.payload);
  switch (row.event) {
    case 'shipment.updated': {
      // A trip can carry several dealers' orders: each dealer hears only of its own.
      const numbers = list(row.payload.orderNumbers).map(payloadText).filter((n): n is string => n !== null);
      return audience.dealerIds.map((dealerId) => ({
        event: row.event,
        payload: { ...payload, orderNumbers: numbers.filter((n) => facts.orderDealers.get(n) === dealerId) },
        rooms: [rooms.dealer(dealerId)],
      }));
    }
    case 'claim.updated':
    case 'claim.message': {
      const number = payloadText(row.payload.number);
      const claim = number ? facts.claims.get(number) : undefined;
      if (!number || !claim) return [];
      if (row.event === 'claim.message') {
        const messageId = payloadId(row.payload.messageId);
        const message = messageId ? facts.messages.get(messageId) : undefined;
        // An internal note (or a message that cannot be found) goes to the staff's role rooms only,
        // whatever the row's audience says.
        if (!message || message.internal || message.claimId !== claim.id) return [{ event: row.event, payload, rooms: INTERNAL_NOTE_ROLES.map(rooms.role) }];
      }
      return [
        {
          event: row.event,
          payload,
          rooms: unique([rooms.claim(number), rooms.dealer(claim.dealerId), ...CLAIMS_DESK_ROLES.map(rooms.role), ...roomsOf(audience)]),
        },
      ];
    }
    case 'notification':
      return audience.userIds.length ? [{ event: row.event, payload, rooms: audience.userIds.map(rooms.user) }] : [];
    default: {
      const targets = roomsOf(audience);
      return targets.length ? [{ event: row.event, payload, rooms: targets }] : [];
    }
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
