import { describe, expect, it } from 'vitest';
import { parseGlazing } from './glazing';

describe('parseGlazing: the glazing formula read into its layers', () => {
  it('reads a single-chamber unit with argon and a low-emission pane', () => {
    expect(parseGlazing('4-16Ar-4i (аргон, енергозберігаюче скло)')).toEqual({
      layers: [
        { kind: 'glass', mm: 4, lowE: false, tempered: false, laminated: null },
        { kind: 'gap', mm: 16, gas: 'argon' },
        { kind: 'glass', mm: 4, lowE: true, tempered: false, laminated: null },
      ],
      panes: 2,
      chambers: 1,
      totalMm: 24,
    });
  });

  it('reads two-chamber units, with air or argon, low-emission on either side', () => {
    expect(parseGlazing('4-10-4-10-4')).toMatchObject({ panes: 3, chambers: 2, totalMm: 32 });
    const both = parseGlazing('4i-12Ar-4-12Ar-4i (аргон, два енергозберігаючі скла)');
    expect(both?.layers.filter((l) => l.kind === 'glass' && l.lowE)).toHaveLength(2);
    expect(both?.layers.filter((l) => l.kind === 'gap').map((l) => l.kind === 'gap' && l.gas)).toEqual(['argon', 'argon']);
    expect(both?.totalMm).toBe(36);
  });

  it('reads tempered and laminated panes written in words', () => {
    expect(parseGlazing('6 загартоване-14Ar-4-14Ar-4i')?.layers[0]).toEqual({ kind: 'glass', mm: 6, lowE: false, tempered: true, laminated: null });
    expect(parseGlazing('33.1 триплекс-14Ar-4-14Ar-4i')?.layers[0]).toEqual({
      kind: 'glass',
      mm: 6,
      lowE: false,
      tempered: false,
      laminated: { sheetsMm: [3, 3], films: 1 },
    });
    expect(parseGlazing('44.2-16Kr-4i')?.layers[1]).toEqual({ kind: 'gap', mm: 16, gas: 'krypton' });
  });

  it('gives null for anything that is not a formula, so the text is shown as written', () => {
    for (const text of ['4 мм загартоване, одинарне', '', 'Sunguard', '4-16', '4-16-', '4-x-4', '4-16-4-16', '40-16-4', '4-2-4', '4 рифлене-16-4', '4-16Xe-4']) {
      expect(parseGlazing(text), text).toBeNull();
    }
  });
});
