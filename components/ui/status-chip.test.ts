import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, ORDER_STATUSES, SHIPMENT_STATUSES } from '@/drizzle/schema/values';
import {
  claimStatusStyles,
  contrastRatio,
  orderStatusStyles,
  shipmentStatusStyles,
  type ChipStyle,
} from './status-chip-styles';

const families: [string, readonly string[], Record<string, ChipStyle>][] = [
  ['order', ORDER_STATUSES, orderStatusStyles],
  ['shipment', SHIPMENT_STATUSES, shipmentStatusStyles],
  ['claim', CLAIM_STATUSES, claimStatusStyles],
];

describe('status chips', () => {
  it('computes contrast like WCAG does', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  for (const [family, statuses, styles] of families) {
    it(`gives every ${family} status text that passes WCAG AA on its background`, () => {
      for (const status of statuses) {
        expect(contrastRatio(styles[status]!.text, styles[status]!.background), status).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`gives every ${family} status its own colour and its own length`, () => {
      const colours = statuses.map((s) => styles[s]!.background + styles[s]!.text);
      const widths = statuses.map((s) => styles[s]!.minWidthRem);
      expect(new Set(colours).size).toBe(statuses.length);
      expect(new Set(widths).size).toBe(statuses.length);
    });
  }

  it('makes an order chip longer the further along the order is', () => {
    const progress = ['accepted', 'in_production', 'manufactured', 'shipped', 'delivered'] as const;
    const widths = progress.map((s) => orderStatusStyles[s].minWidthRem);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
  });
});
