import { describe, expect, it } from 'vitest';
import { SASH_OPENINGS } from '@/drizzle/schema/values';
import { amountDifference, lookupNumberFromSearchParams, openingInWords, orderNumberFromParam, orderTimeline, productionProgress, sashParts, telHref } from './detail';

const at = (iso: string) => new Date(iso);
const noStages = { accepted: null, in_production: null, manufactured: null, shipped: null, delivered: null, cancelled: null };

describe('productionProgress', () => {
  it('counts what is made out of all pieces', () => {
    expect(productionProgress(4, 7)).toEqual({ done: 4, total: 7, percent: 57 });
    expect(productionProgress(0, 3)).toEqual({ done: 0, total: 3, percent: 0 });
    expect(productionProgress(3, 3)).toEqual({ done: 3, total: 3, percent: 100 });
  });

  it('says nothing when the factory did not, and keeps nonsense inside the bounds', () => {
    expect(productionProgress(null, 7)).toBeNull();
    expect(productionProgress(2, null)).toBeNull();
    expect(productionProgress(0, 0)).toBeNull();
    expect(productionProgress(9, 7)).toEqual({ done: 7, total: 7, percent: 100 });
    expect(productionProgress(-1, 7)).toEqual({ done: 0, total: 7, percent: 0 });
  });
});

describe('orderTimeline', () => {
  it('marks the stages passed, the current one with its progress, and the ones to come', () => {
    const steps = orderTimeline({
      status: 'manufactured',
      stages: { ...noStages, accepted: at('2025-03-01T08:00:00Z'), in_production: at('2025-03-03T07:00:00Z'), manufactured: at('2025-03-06T12:00:00Z') },
      itemsDone: 4,
      itemsTotal: 7,
    });
    expect(steps.map((s) => [s.stage, s.state])).toEqual([
      ['accepted', 'done'],
      ['in_production', 'done'],
      ['manufactured', 'current'],
      ['shipped', 'upcoming'],
      ['delivered', 'upcoming'],
    ]);
    expect(steps[2]?.at).toEqual(at('2025-03-06T12:00:00Z'));
    expect(steps[2]?.progress).toEqual({ done: 4, total: 7, percent: 57 });
    expect(steps[3]?.at).toBeNull();
  });

  it('shows progress towards "manufactured" while in production, and none once shipped', () => {
    const inProduction = orderTimeline({ status: 'in_production', stages: { ...noStages, accepted: at('2025-03-01T08:00:00Z') }, itemsDone: 2, itemsTotal: 5 });
    expect(inProduction.find((s) => s.stage === 'manufactured')).toMatchObject({ state: 'upcoming', progress: { done: 2, total: 5 } });
    // A stage the factory never dated is still passed.
    expect(inProduction[1]).toMatchObject({ stage: 'in_production', state: 'current', at: null });
    const shipped = orderTimeline({ status: 'shipped', stages: noStages, itemsDone: 5, itemsTotal: 5 });
    expect(shipped.every((s) => s.progress === null)).toBe(true);
  });

  it('ends a cancelled order with the cancellation and leaves out the stages it never reached', () => {
    const steps = orderTimeline({
      status: 'cancelled',
      stages: { ...noStages, accepted: at('2025-03-01T08:00:00Z'), in_production: at('2025-03-02T08:00:00Z'), cancelled: at('2025-03-04T09:30:00Z') },
      itemsDone: 0,
      itemsTotal: 3,
    });
    expect(steps.map((s) => [s.stage, s.state])).toEqual([
      ['accepted', 'done'],
      ['in_production', 'done'],
      ['cancelled', 'current'],
    ]);
    expect(steps[2]?.at).toEqual(at('2025-03-04T09:30:00Z'));
  });
});

describe('openingInWords', () => {
  it('splits every opening type into how it opens and where the hinges are', () => {
    expect(openingInWords('tilt_turn_left')).toEqual({ motion: 'tilt_turn', hinges: 'left' });
    expect(openingInWords('turn_right')).toEqual({ motion: 'turn', hinges: 'right' });
    expect(openingInWords('tilt')).toEqual({ motion: 'tilt', hinges: 'bottom' });
    expect(openingInWords('fixed')).toEqual({ motion: 'fixed', hinges: null });
    expect(openingInWords('sliding')).toEqual({ motion: 'sliding', hinges: null });
    for (const opening of SASH_OPENINGS) expect(openingInWords(opening).motion).toBeTruthy();
  });
});

describe('sashParts', () => {
  it('names the sashes of a window from left to right with the widths ordered', () => {
    const parts = sashParts({
      kind: 'window',
      widthMm: 2100,
      heightMm: 1400,
      sashes: [
        { widthMm: 620, opening: 'tilt_turn_left' },
        { widthMm: 860, opening: 'fixed' },
        { widthMm: 620, opening: 'tilt_turn_right' },
      ],
    });
    expect(parts.map((p) => [p.number, p.part, p.widthMm, p.motion, p.hinges])).toEqual([
      [1, 'sash', 620, 'tilt_turn', 'left'],
      [2, 'sash', 860, 'fixed', null],
      [3, 'sash', 620, 'tilt_turn', 'right'],
    ]);
  });

  it('finds the door of a balcony block where the scheme draws it', () => {
    const parts = sashParts({
      kind: 'balcony',
      widthMm: 1950,
      heightMm: 2150,
      sashes: [
        { widthMm: 1200, opening: 'fixed' },
        { widthMm: 750, opening: 'tilt_turn_right' },
      ],
    });
    expect(parts.map((p) => p.part)).toEqual(['sash', 'balcony_door']);
  });

  it('tells door leaves from side lights, and sliding leaves from sashes', () => {
    const door = sashParts({
      kind: 'door',
      widthMm: 1400,
      heightMm: 2150,
      sashes: [
        { widthMm: 950, opening: 'turn_left' },
        { widthMm: 450, opening: 'fixed' },
      ],
    });
    expect(door.map((p) => p.part)).toEqual(['door_leaf', 'side_light']);
    const sliding = sashParts({
      kind: 'balcony',
      widthMm: 3000,
      heightMm: 1400,
      sashes: [
        { widthMm: 1000, opening: 'sliding' },
        { widthMm: 1000, opening: 'sliding' },
        { widthMm: 1000, opening: 'sliding' },
      ],
    });
    expect(sliding.map((p) => p.part)).toEqual(['sliding_leaf', 'sliding_leaf', 'sliding_leaf']);
  });

  it('has no sashes for roller shutters and other products', () => {
    expect(sashParts({ kind: 'roller_shutter', widthMm: 1200, heightMm: 1400, sashes: [{ widthMm: 1200, opening: 'fixed' }] })).toEqual([]);
  });
});

describe('amountDifference', () => {
  it('is null for the same amount, however it is written', () => {
    expect(amountDifference('12500.00', '12500.00')).toBeNull();
    expect(amountDifference('12500', '12500.0')).toBeNull();
  });

  it('subtracts exactly, without floats', () => {
    expect(amountDifference('12650.40', '12500.00')).toBe('150.40');
    expect(amountDifference('12500.00', '12650.40')).toBe('-150.40');
    expect(amountDifference('0.30', '0.10')).toBe('0.20');
    expect(amountDifference('90071992547409.93', '0.01')).toBe('90071992547409.92');
    expect(amountDifference('1.00', '1.005')).toBe('-0.005');
  });
});

describe('telHref', () => {
  it('keeps the plus and the digits only', () => {
    expect(telHref('+38 (067) 123-45-08')).toBe('tel:+380671234508');
    expect(telHref('067 123 45 08')).toBe('tel:0671234508');
    expect(telHref('—')).toBeNull();
    expect(telHref(null)).toBeNull();
  });
});

describe('orderNumberFromParam', () => {
  it('decodes a percent-encoded number and keeps a malformed one as it came', () => {
    expect(orderNumberFromParam('25-001234')).toBe('25-001234');
    expect(orderNumberFromParam('A%2F7')).toBe('A/7');
    expect(orderNumberFromParam('50%')).toBe('50%');
  });
});

describe('lookupNumberFromSearchParams', () => {
  it('takes the first ?number=, trimmed and cut to the longest number there can be', () => {
    expect(lookupNumberFromSearchParams({ number: '  25-001234 ' })).toBe('25-001234');
    expect(lookupNumberFromSearchParams({ number: ['1', '2'] })).toBe('1');
    expect(lookupNumberFromSearchParams({})).toBe('');
    expect(lookupNumberFromSearchParams({ number: 'x'.repeat(100) })).toHaveLength(64);
  });
});
