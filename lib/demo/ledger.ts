import type { ledgerEntries } from '@/drizzle/schema';
import type { LedgerKind, OrderStatus, PayerCategory } from '@/drizzle/schema/values';
import type { Direction } from './data';
import { formatKop, mulDivRound, uah } from './money';
import type { FinanceFlag, PlantCode } from './order-plan';
import { Rng } from './random';
import type { DealerRecord } from './seed-base';
import { DAY, HOUR, dayString, startOfDay, uaDate, weekday } from './time';

// The dealer's settlements as accounting would send them: an opening balance, an invoice per
// order, delivery charges, payments that follow the dealer's payer discipline, now and then an
// adjustment, and compensations from claims. Amounts are kopiyky until the row is built.

export type LedgerRow = typeof ledgerEntries.$inferInsert;

type Entry = {
  kind: LedgerKind;
  documentId: string;
  dealerId: number;
  plantId: number;
  /** Positive, except opening balances and adjustments, which carry their sign. */
  kop: number;
  dayMs: number;
  dueDayMs?: number | null;
  document: string;
  orderNumber?: string | null;
  orderId?: number | null;
};

/** A ledger row; `effect` is derived from the kind exactly as the database check demands. */
export function ledgerRow(e: Entry, now: number): LedgerRow {
  const effect = e.kind === 'payment' || e.kind === 'compensation' ? -e.kop : e.kop;
  const recorded = new Date(Math.min(e.dayMs + 9 * HOUR, now));
  return {
    source: 'accounting',
    documentId: e.documentId,
    dealerId: e.dealerId,
    plantId: e.plantId,
    kind: e.kind,
    amount: formatKop(e.kop),
    effect: formatKop(effect),
    currency: 'UAH',
    date: dayString(e.dayMs),
    dueDate: e.dueDayMs ? dayString(e.dueDayMs) : null,
    orderId: e.orderId ?? null,
    orderNumber: e.orderNumber ?? null,
    document: e.document,
    sourceUpdatedAt: recorded,
    createdAt: recorded,
    updatedAt: recorded,
  };
}

type Payment = { dayMs: number; kop: number };

/** Banks move money on working days: a payment dated on a weekend is booked on the Friday. */
const bankDay = (dayMs: number) => (weekday(dayMs) === 6 ? dayMs - DAY : weekday(dayMs) === 0 ? dayMs - 2 * DAY : dayMs);

/**
 * How a dealer pays one debt, by payer category. Payments dated after yesterday have not happened
 * yet and are dropped, which is what leaves recent invoices open.
 */
function settle(rng: Rng, category: PayerCategory, kop: number, issueDay: number, dueDay: number, todayMs: number, whole = false): Payment[] {
  const days = (n: number) => dueDay + n * DAY;
  const part = (pctMin: number, pctMax: number) => mulDivRound(kop, rng.int(pctMin, pctMax), 100);
  let plan: Payment[];
  const drawn =
    category === 'punctual'
      ? rng.weighted([['full', 88], ['split', 6], ['late', 6]] as const)
      : category === 'hesitant'
        ? rng.weighted([['late', 62], ['split', 20], ['partial', 10], ['none', 8]] as const)
        : rng.weighted([['late', 40], ['split', 20], ['partial', 22], ['none', 18]] as const);
  // Small bills (delivery) are paid in one go or not at all.
  const style = whole && (drawn === 'split' || drawn === 'partial') ? 'late' : drawn;
  const lateBy = category === 'punctual' ? rng.int(1, 6) : category === 'hesitant' ? rng.int(-3, 18) : rng.int(5, 45);
  switch (style) {
    case 'full':
      plan = [{ dayMs: days(-rng.int(0, 10)), kop }];
      break;
    case 'late':
      plan = [{ dayMs: days(lateBy), kop }];
      break;
    case 'split': {
      const first = part(30, 70);
      plan = [
        { dayMs: days(rng.int(-5, 5)), kop: first },
        { dayMs: days(rng.int(10, 40)), kop: kop - first },
      ];
      break;
    }
    case 'partial':
      plan = [{ dayMs: days(rng.int(0, 12)), kop: part(30, 80) }];
      break;
    case 'none':
      plan = [];
      break;
  }
  return plan
    .map((p) => ({ dayMs: Math.max(issueDay, bankDay(p.dayMs)), kop: p.kop }))
    .filter((p) => p.kop > 0 && p.dayMs <= todayMs - DAY);
}

function paymentEntries(rng: Rng, base: Omit<Entry, 'kind' | 'documentId' | 'kop' | 'dayMs' | 'document'>, idPrefix: string, payments: Payment[]): Entry[] {
  return payments.map((p, i) => ({
    ...base,
    kind: 'payment',
    documentId: i === 0 ? idPrefix : `${idPrefix}-${i + 1}`,
    kop: p.kop,
    dayMs: p.dayMs,
    dueDayMs: null,
    document: `Платіжне доручення № ${rng.int(120, 9899)} від ${uaDate(p.dayMs)}`,
  }));
}

const DELIVERY_FROM_MAIN: Record<Direction, number> = { north: 650, center: 950, east: 1250, south: 1350, west: 1600 };

export type OrderMoney = {
  dealer: DealerRecord;
  /** D-1001 and D-1002: their open invoices must show as overdue and due soon in the portal. */
  demo: boolean;
  plant: PlantCode;
  plantId: number;
  number: string;
  totalKop: number;
  status: OrderStatus;
  acceptedAt: number;
  shipDay: number | null;
  tripNumber: string | null;
  finance: FinanceFlag | null;
};

/** The invoice of an order, its delivery charge and whatever of them the dealer has paid. */
export function orderEntries(rng: Rng, todayMs: number, o: OrderMoney): Entry[] {
  if (o.status === 'cancelled') return [];
  const base = { dealerId: o.dealer.id, plantId: o.plantId, orderNumber: o.number };
  const category = o.dealer.payerCategory;
  const invoiceDay = startOfDay(o.acceptedAt);
  const due = invoiceDay + o.dealer.paymentTermsDays * DAY;
  const entries: Entry[] = [
    {
      ...base,
      kind: 'invoice',
      documentId: `INV-${o.number}`,
      kop: o.totalKop,
      dayMs: invoiceDay,
      dueDayMs: due,
      document: `Рахунок-фактура № СФ-${o.number} від ${uaDate(invoiceDay)}`,
    },
  ];
  // The demo dealers pay nothing before it is due: in the portal's first-in-first-out view an
  // early payment would cover the one overdue invoice they must show.
  const pays = (dueDay: number) => o.finance === null && !(o.demo && dueDay >= todayMs);
  if (pays(due)) entries.push(...paymentEntries(rng, base, `PAY-${o.number}`, settle(rng, category, o.totalKop, invoiceDay, due, todayMs)));

  if (o.shipDay !== null) {
    const far = o.plant === 'WEST' ? (o.dealer.town.direction === 'west' ? 700 : 1600) : DELIVERY_FROM_MAIN[o.dealer.town.direction];
    const kop = uah(far + rng.int(0, 6) * 50);
    const chargeDue = o.shipDay + 14 * DAY;
    entries.push({
      ...base,
      kind: 'delivery_charge',
      documentId: `DLV-${o.number}`,
      kop,
      dayMs: o.shipDay,
      dueDayMs: chargeDue,
      document: `Доставка замовлення ${o.number}, рейс ${o.tripNumber ?? '—'}`,
    });
    if (pays(chargeDue)) entries.push(...paymentEntries(rng, base, `PAY-${o.number}-D`, settle(rng, category, kop, o.shipDay, chargeDue, todayMs, true)));
  }

  if (rng.chance(0.012)) {
    const day = invoiceDay + rng.int(1, 20) * DAY;
    const variant = o.demo ? 'colour' : rng.pick(['volume', 'pallets', 'colour'] as const);
    const pallets = rng.int(2, 6);
    const kop =
      variant === 'volume' ? -mulDivRound(o.totalKop, rng.int(2, 3), 100) : variant === 'pallets' ? -uah(pallets * 180) : uah(rng.int(3, 15) * 100);
    const text =
      variant === 'volume'
        ? 'Коригування: знижка за обсяг замовлень'
        : variant === 'pallets'
          ? `Коригування: повернення піддонів (${pallets} шт.)`
          : `Коригування: доплата за нестандартне ламінування, замовлення ${o.number}`;
    if (day <= todayMs - DAY && kop !== 0) entries.push({ ...base, kind: 'adjustment', documentId: `ADJ-${o.number}`, kop, dayMs: day, document: text });
  }
  return entries;
}

/** The balance carried over from before the portal, and how it was paid off since. */
export function openingEntries(seed: number, todayMs: number, dealer: DealerRecord, plantId: number, demo: boolean): Entry[] {
  const rng = Rng.for(seed, 'opening', dealer.code);
  const monthsBack = new Date(todayMs - 215 * DAY);
  const day = Date.UTC(monthsBack.getUTCFullYear(), monthsBack.getUTCMonth(), 1);
  const hryvnias =
    dealer.payerCategory === 'punctual'
      ? demo
        ? rng.int(4_000, 12_000)
        : rng.int(-8_000, 15_000)
      : dealer.payerCategory === 'hesitant'
        ? rng.int(8_000, 60_000)
        : rng.int(25_000, 150_000);
  const kop = uah(hryvnias) + (hryvnias >= 0 ? rng.int(0, 99) : -rng.int(0, 99));
  const base = { dealerId: dealer.id, plantId };
  const entries: Entry[] = [
    { ...base, kind: 'opening_balance', documentId: `OPB-${dealer.code}`, kop, dayMs: day, document: `Сальдо на ${uaDate(day)}` },
  ];
  if (kop > 0) entries.push(...paymentEntries(rng, base, `PAY-OPB-${dealer.code}`, settle(rng, dealer.payerCategory, kop, day, day + 10 * DAY, todayMs)));
  return entries;
}
