import type { ShipmentStatus } from '@/drizzle/schema/values';
import { CREWS, type Crew, type Direction } from './data';
import type { PlantCode } from './order-plan';
import { Rng } from './random';
import { DAY, MINUTE, dayString, yearPrefix } from './time';

// Trips (рейси): a plant sends one vehicle a day per direction, and another when the first is
// full. Orders are written in batches, so a trip is opened by the first order that needs it and
// kept open until it is full; only the open trip of each (plant, day, status, direction) stays
// in memory, a few thousand objects even for a million orders.

export type Trip = {
  /** Set once the trip row is written. */
  id: number | null;
  number: string;
  plant: PlantCode;
  plannedDate: string;
  status: ShipmentStatus;
  departedAt: number | null;
  /** When the last order of the trip was handed over (delivered trips only). */
  deliveredAt: number | null;
  /** Hours on the road, in minutes: when each order of the trip may be delivered. */
  durationMin: number;
  crew: Crew;
};

type Group = { trip: Trip; slot: number; count: number; capacity: number };

const CREWS_BY_PLANT: Record<PlantCode, readonly Crew[]> = {
  MAIN: CREWS.filter((c) => c.plant === 'MAIN'),
  WEST: CREWS.filter((c) => c.plant === 'WEST'),
};

export class TripRegistry {
  private readonly groups = new Map<string, Group>();
  private readonly sequenceByDay = new Map<number, number>();
  private fresh: Trip[] = [];

  constructor(private readonly seed: number) {}

  /**
   * The trip an order travels on. `dayMs` is the trip's day; in-transit and delivered trips left
   * early that morning (before the 06:00 UTC "now" of the demo data).
   */
  assign(plant: PlantCode, dayMs: number, status: ShipmentStatus, direction: Direction): Trip {
    const key = `${plant}|${dayString(dayMs)}|${status}|${direction}`;
    let group = this.groups.get(key);
    if (!group || group.count >= group.capacity) {
      const slot = group ? group.slot + 1 : 0;
      group = this.open(key, slot, plant, dayMs, status);
      this.groups.set(key, group);
    }
    group.count++;
    return group.trip;
  }

  /** Trips opened since the last call: they must be written before their orders are linked. */
  takeNew(): Trip[] {
    const trips = this.fresh;
    this.fresh = [];
    return trips;
  }

  private open(key: string, slot: number, plant: PlantCode, dayMs: number, status: ShipmentStatus): Group {
    // Each trip's own generator: its crew and times do not depend on which order opened it.
    const rng = Rng.for(this.seed, 'trip', key, slot);
    const durationMin = rng.int(240, 780);
    const departed = status === 'in_transit' || status === 'delivered' ? dayMs + (210 + rng.int(0, 90)) * MINUTE : null;
    const sequence = (this.sequenceByDay.get(dayMs) ?? 0) + 1;
    this.sequenceByDay.set(dayMs, sequence);
    const dayOfYear = Math.round((dayMs - Date.UTC(new Date(dayMs).getUTCFullYear(), 0, 1)) / DAY) + 1;
    const trip: Trip = {
      id: null,
      // The day of the year and the trip of that day, as the dispatchers number them: T-26-32703.
      number: `T-${yearPrefix(dayMs)}-${String(dayOfYear).padStart(3, '0')}${String(sequence).padStart(2, '0')}`,
      plant,
      plannedDate: dayString(dayMs),
      status,
      departedAt: departed,
      deliveredAt: status === 'delivered' && departed !== null ? departed + durationMin * MINUTE : null,
      durationMin,
      crew: rng.pick(CREWS_BY_PLANT[plant]),
    };
    this.fresh.push(trip);
    return { trip, slot, count: 0, capacity: rng.int(5, 14) };
  }
}
