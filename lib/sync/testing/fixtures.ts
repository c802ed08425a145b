import { plants, syncSources } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { handleSyncRequest } from '../http';
import { hashSyncToken } from '../tokens';

// Shared by the sync API's integration tests: the plants and sources a database needs, and a
// real HTTP request through the same handler the route uses.

export const TOKENS = { production: 'test-production-token-0001', accounting: 'test-accounting-token-0001' } as const;

export async function prepareSyncDatabase(db: Db) {
  await db.insert(plants).values([
    { code: 'MAIN', name: 'Main plant', city: 'Vinnytsia', isMain: true },
    { code: 'WEST', name: 'Western plant', city: 'Lviv', isMain: false },
  ]);
  await db.insert(syncSources).values([
    { code: 'production', name: 'Production', tokenHash: hashSyncToken(TOKENS.production) },
    { code: 'accounting', name: 'Accounting', tokenHash: hashSyncToken(TOKENS.accounting) },
  ]);
}

export async function post(db: Db, body: unknown, options: { token?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  const token = options.token === undefined ? TOKENS.production : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await handleSyncRequest(
    new Request('http://portal.test/api/sync/v1/events', { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) }),
    db,
  );
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

export type Result = { accepted: number; duplicates: number; rejected: { index: number; id: string | null; error: string }[] };

/** Sends a batch as a source system would: again after Retry-After when the portal sheds load. */
export async function send(db: Db, events: unknown[], token: string = TOKENS.production): Promise<Result> {
  let response = await post(db, { events }, { token });
  for (let attempt = 0; response.status === 429 && attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    response = await post(db, { events }, { token });
  }
  if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${JSON.stringify(response.json)}`);
  return response.json as unknown as Result;
}

let counter = 0;
export const eventId = (prefix = 'ev') => `${prefix}-${++counter}`;
export const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, 0) + minute * 60_000).toISOString();

export const dealerEvent = (code: string, taxId: string, minute = 0, name = `Dealer ${code}`) => ({
  id: eventId('dealer'),
  type: 'dealer.upserted',
  occurredAt: at(minute),
  data: { code, name, taxId, region: 'Вінницька' },
});

export const orderEvent = (number: string, dealerCode: string, minute: number, total = '1000.00', extra: Record<string, unknown> = {}) => ({
  id: eventId('order'),
  type: 'order.upserted',
  occurredAt: at(minute),
  data: {
    number,
    dealerCode,
    createdAt: at(minute - 5),
    currency: 'UAH',
    total,
    items: [
      {
        position: 1,
        kind: 'window',
        name: 'Вікно двостулкове',
        widthMm: 1400,
        heightMm: 1500,
        quantity: 1,
        profile: 'REHAU Euro-Design 70',
        glazing: '4-16Ar-4i',
        sashes: [
          { widthMm: 700, opening: 'fixed' },
          { widthMm: 700, opening: 'tilt_turn_right' },
        ],
        price: total,
      },
    ],
    ...extra,
  },
});

export const statusEvent = (number: string, status: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id: eventId('status'),
  type: 'order.status',
  occurredAt: at(minute),
  data: { number, status, ...extra },
});

export const ledgerEvent = (documentId: string, dealerCode: string, kind: string, amount: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id: eventId('ledger'),
  type: 'ledger.entry',
  occurredAt: at(minute),
  data: { id: documentId, dealerCode, kind, amount, currency: 'UAH', date: '2026-11-20', ...extra },
});
