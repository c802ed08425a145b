import type { ItemKind, OrderStatus, SashOpening } from '@/drizzle/schema/values';
import { layoutScheme, type SchemeItem } from './scheme';

// What the order page says about an order, worked out without React or the database: the stages
// of the timeline, the production progress, each sash in words, the gap between the sum of the
// positions and the order total, the driver's call link.

export type FlowStage = 'accepted' | 'in_production' | 'manufactured' | 'shipped' | 'delivered';
/** The way an order goes when nothing goes wrong. */
export const ORDER_FLOW: readonly FlowStage[] = ['accepted', 'in_production', 'manufactured', 'shipped', 'delivered'];

export type Progress = { done: number; total: number; percent: number };

/** How many constructions (pieces) are made, or null when the factory has not said. */
export function productionProgress(itemsDone: number | null, itemsTotal: number | null): Progress | null {
  if (itemsDone === null || itemsTotal === null || !Number.isFinite(itemsDone) || !Number.isFinite(itemsTotal) || itemsTotal <= 0) return null;
  const done = Math.min(Math.max(Math.trunc(itemsDone), 0), itemsTotal);
  return { done, total: itemsTotal, percent: Math.floor((done * 100) / itemsTotal) };
}

export type TimelineStep = {
  stage: FlowStage | 'cancelled';
  /** done: passed; current: where the order is now; upcoming: not reached yet. */
  state: 'done' | 'current' | 'upcoming';
  /** When the stage was reached; null for upcoming steps or a date the factory never sent. */
  at: Date | null;
  /** Only on the "manufactured" step, while the constructions are being made. */
  progress: Progress | null;
};

type TimelineInput = {
  status: OrderStatus;
  stages: Record<FlowStage | 'cancelled', Date | null>;
  itemsDone: number | null;
  itemsTotal: number | null;
};

/**
 * The steps of the order's timeline. A cancelled order shows the stages it did reach and then the
 * cancellation; the stages it never reached are left out rather than promised.
 */
export function orderTimeline(order: TimelineInput): TimelineStep[] {
  const progress = order.status === 'in_production' || order.status === 'manufactured' ? productionProgress(order.itemsDone, order.itemsTotal) : null;
  if (order.status === 'cancelled') {
    const reached: TimelineStep[] = ORDER_FLOW.filter((stage) => order.stages[stage] !== null).map((stage) => ({
      stage,
      state: 'done',
      at: order.stages[stage],
      progress: null,
    }));
    return [...reached, { stage: 'cancelled', state: 'current', at: order.stages.cancelled, progress: null }];
  }
  const current = ORDER_FLOW.indexOf(order.status);
  return ORDER_FLOW.map((stage, i) => ({
    stage,
    state: i < current ? 'done' : i === current ? 'current' : 'upcoming',
    at: i <= current ? order.stages[stage] : null,
    progress: stage === 'manufactured' ? progress : null,
  }));
}

export type OpeningMotion = 'fixed' | 'turn' | 'tilt_turn' | 'tilt' | 'sliding';
export type HingeSide = 'left' | 'right' | 'bottom';

/** An opening type split into how the sash opens and where its hinges are (seen from inside). */
export function openingInWords(opening: SashOpening): { motion: OpeningMotion; hinges: HingeSide | null } {
  switch (opening) {
    case 'fixed':
      return { motion: 'fixed', hinges: null };
    case 'turn_left':
      return { motion: 'turn', hinges: 'left' };
    case 'turn_right':
      return { motion: 'turn', hinges: 'right' };
    case 'tilt_turn_left':
      return { motion: 'tilt_turn', hinges: 'left' };
    case 'tilt_turn_right':
      return { motion: 'tilt_turn', hinges: 'right' };
    case 'tilt':
      return { motion: 'tilt', hinges: 'bottom' };
    case 'sliding':
      return { motion: 'sliding', hinges: null };
  }
}

export type SashPartKind = 'sash' | 'sliding_leaf' | 'door_leaf' | 'side_light' | 'balcony_door';

export type SashPart = {
  /** 1-based, left to right as seen from inside. */
  number: number;
  part: SashPartKind;
  widthMm: number;
  opening: SashOpening;
} & ReturnType<typeof openingInWords>;

/**
 * Each sash of a construction with the name a window maker gives it: the leaf of a door, a door's
 * side light, the door of a balcony block (the same one the scheme draws as the door), a sliding
 * leaf, or a plain sash. Widths are the ones ordered, not the scheme's fitted ones.
 */
export function sashParts(item: SchemeItem & { kind: ItemKind }): SashPart[] {
  if (item.kind === 'roller_shutter' || item.kind === 'other') return [];
  const roles = layoutScheme(item).sashes.map((s) => s.role);
  return item.sashes.map((sash, i) => {
    const door = roles[i] === 'door';
    const part: SashPartKind =
      item.kind === 'door'
        ? door
          ? 'door_leaf'
          : 'side_light'
        : item.kind === 'balcony' && door
          ? 'balcony_door'
          : sash.opening === 'sliding'
            ? 'sliding_leaf'
            : 'sash';
    return { number: i + 1, part, widthMm: sash.widthMm, opening: sash.opening, ...openingInWords(sash.opening) };
  });
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

function parseDecimal(amount: string, scale: number): bigint {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: "${amount}"`);
  const units = BigInt((match[2] ?? '0') + (match[3] ?? '').padEnd(scale, '0'));
  return match[1] ? -units : units;
}

/**
 * `total` minus `sum` as a decimal string, or null when the two are the same amount. Exact: the
 * amounts never become floats.
 */
export function amountDifference(total: string, sum: string): string | null {
  const scale = Math.max(...[total, sum].map((a) => DECIMAL.exec(a.trim())?.[3]?.length ?? 0), 2);
  const diff = parseDecimal(total, scale) - parseDecimal(sum, scale);
  if (diff === 0n) return null;
  const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, '0');
  return `${diff < 0n ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A `tel:` link for a phone number as people write it, or null when it has no digits. */
export function telHref(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d]/g, '');
  if (!digits) return null;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
}

/** The order number from a route segment: percent-decoded when it can be, as it came otherwise. */
export function orderNumberFromParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The number typed into the staff's lookup (?number=), trimmed; '' when there is none. */
export function lookupNumberFromSearchParams(params: Record<string, string | string[] | undefined>): string {
  const value = params.number;
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '').trim().slice(0, 64);
}
