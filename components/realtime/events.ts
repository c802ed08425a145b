// The realtime events the browser listens to and their payloads (CONTRACT.md section 5). Payloads
// arrive from the network: code reading them checks the fields it uses.

export type RealtimePayloads = {
  'order.status': { number: string; status: string; occurredAt: string };
  'order.updated': { number: string };
  'shipment.updated': { number: string; orderNumbers: string[] };
  'ledger.updated': { dealerCode: string };
  'claim.updated': { number: string; status: string };
  'claim.message': { number: string; messageId: number | string };
  'announcement.published': { id: number; title: string };
  'catalog.updated': { partNumber: string };
  notification: { id: number; type: string; title: string; importance: 'critical' | 'normal' };
};

export type RealtimeEvent = keyof RealtimePayloads;

/** Field → value a payload must carry (or, for an array field, contain) to concern a screen. */
export type PayloadMatch = Record<string, string | number>;

/** Per event, what the payload must carry; an event without an entry always matches. */
export type EventMatch = Partial<Record<RealtimeEvent, PayloadMatch>>;

export function payloadMatches(payload: unknown, match: PayloadMatch | undefined): boolean {
  if (!match) return true;
  if (payload === null || typeof payload !== 'object') return false;
  const fields = payload as Record<string, unknown>;
  return Object.entries(match).every(([field, expected]) => {
    const value = fields[field];
    return Array.isArray(value) ? value.includes(expected) : value === expected;
  });
}

export function isNotificationPayload(payload: unknown): payload is RealtimePayloads['notification'] {
  if (payload === null || typeof payload !== 'object') return false;
  const p = payload as Record<string, unknown>;
  return typeof p.id === 'number' && typeof p.title === 'string' && typeof p.type === 'string';
}
