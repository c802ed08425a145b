import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConstructionScheme } from '@/components/orders/construction-scheme';
import { SASH_OPENINGS } from '@/drizzle/schema/values';
import { MIN_SIDE_MM, fitSashWidths, layoutScheme, type Rect, type SchemeItem, type SchemeLayout } from './scheme';

// The component is rendered from here because the unit project only picks up *.test.ts.

const oneSash: SchemeItem = { kind: 'window', widthMm: 700, heightMm: 1400, sashes: [{ widthMm: 700, opening: 'tilt_turn_left' }] };
const threeSash: SchemeItem = {
  kind: 'window',
  widthMm: 2100,
  heightMm: 1400,
  sashes: [
    { widthMm: 620, opening: 'turn_left' },
    { widthMm: 860, opening: 'fixed' },
    { widthMm: 620, opening: 'tilt_turn_right' },
  ],
};
const door: SchemeItem = { kind: 'door', widthMm: 950, heightMm: 2150, sashes: [{ widthMm: 950, opening: 'turn_right' }] };
const balcony: SchemeItem = {
  kind: 'balcony',
  widthMm: 1950,
  heightMm: 2150,
  sashes: [
    { widthMm: 750, opening: 'tilt_turn_left' },
    { widthMm: 1200, opening: 'tilt_turn_right' },
  ],
};
const sliding: SchemeItem = {
  kind: 'balcony',
  widthMm: 3000,
  heightMm: 1450,
  sashes: Array.from({ length: 4 }, () => ({ widthMm: 750, opening: 'sliding' as const })),
};

const box = (r: Rect) => `${r.x},${r.y} ${r.width}x${r.height}`;

/** What a window maker would check on the drawing, without the hairline coordinates. */
function summarise(layout: SchemeLayout) {
  return {
    size: `${layout.widthMm}x${layout.heightMm}`,
    viewBox: box(layout.viewBox),
    fontSize: layout.fontSize,
    frame: layout.frame.inner ? `${box(layout.frame.outer)} / ${box(layout.frame.inner)}` : box(layout.frame.outer),
    threshold: layout.threshold ? box(layout.threshold) : null,
    mullions: layout.mullions.map(box),
    transoms: layout.transoms.map(box),
    sashes: layout.sashes.map((s) =>
      [
        `${s.opening} ${s.role} ${s.widthMm}mm`,
        `cell ${box(s.cell)}`,
        `symbols ${s.symbols.map((sym) => sym.kind).join('+') || '-'}`,
        `handle ${s.handle ? `${s.handle.x1},${s.handle.y1}-${s.handle.x2},${s.handle.y2}` : '-'}`,
        s.panel ? `panel ${box(s.panel)}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
    dimensions: layout.dimensions.map((d) => `${d.axis} ${d.role} ${d.valueMm}`),
  };
}

/** Every number anywhere in the layout (JSON would turn NaN into null and hide it). */
const numbersIn = (value: unknown): number[] =>
  typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];

const cellsAndMullions = (layout: SchemeLayout) =>
  layout.sashes.reduce((sum, s) => sum + s.cell.width, 0) + layout.mullions.reduce((sum, m) => sum + m.width, 0);

describe('layoutScheme', () => {
  it('draws a one-sash tilt-and-turn window', () => {
    expect(summarise(layoutScheme(oneSash))).toMatchInlineSnapshot(`
      {
        "dimensions": [
          "horizontal overall 700",
          "vertical overall 1400",
        ],
        "fontSize": 63,
        "frame": "0,0 700x1400 / 60,60 580x1280",
        "mullions": [],
        "sashes": [
          "tilt_turn_left window 700mm; cell 60,60 580x1280; symbols turn+tilt; handle 610,628-610,772",
        ],
        "size": "700x1400",
        "threshold": null,
        "transoms": [],
        "viewBox": "-37.8,-37.8 889x1589",
      }
    `);
  });

  it('draws a three-sash window with a chain of sash widths', () => {
    expect(summarise(layoutScheme(threeSash))).toMatchInlineSnapshot(`
      {
        "dimensions": [
          "horizontal sash 620",
          "horizontal sash 860",
          "horizontal sash 620",
          "horizontal overall 2100",
          "vertical overall 1400",
        ],
        "fontSize": 94.5,
        "frame": "0,0 2100x1400 / 60,60 1980x1280",
        "mullions": [
          "580,60 80x1280",
          "1440,60 80x1280",
        ],
        "sashes": [
          "turn_left window 620mm; cell 60,60 520x1280; symbols turn; handle 550,628-550,772",
          "fixed window 860mm; cell 660,60 780x1280; symbols -; handle -",
          "tilt_turn_right window 620mm; cell 1520,60 520x1280; symbols turn+tilt; handle 1550,628-1550,772",
        ],
        "size": "2100x1400",
        "threshold": null,
        "transoms": [],
        "viewBox": "-56.7,-56.7 2383.5x1825.3",
      }
    `);
  });

  it('draws a door with a threshold and the handle at door height', () => {
    expect(summarise(layoutScheme(door))).toMatchInlineSnapshot(`
      {
        "dimensions": [
          "horizontal overall 950",
          "vertical overall 2150",
        ],
        "fontSize": 96.8,
        "frame": "0,0 950x2150 / 60,60 830x2069",
        "mullions": [],
        "sashes": [
          "turn_right door 950mm; cell 60,60 830x2069; symbols turn; handle 90,1078-90,1222",
        ],
        "size": "950x2150",
        "threshold": "0,2129 950x21",
        "transoms": [],
        "viewBox": "-58.1,-58.1 1240.4x2440.4",
      }
    `);
  });

  it('draws a balcony block: the narrower leaf is the full-height door, the window has a blind panel', () => {
    expect(summarise(layoutScheme(balcony))).toMatchInlineSnapshot(`
      {
        "dimensions": [
          "horizontal sash 750",
          "horizontal sash 1200",
          "horizontal overall 1950",
          "vertical overall 2150",
        ],
        "fontSize": 96.8,
        "frame": "0,0 1950x2150 / 60,60 1830x2030",
        "mullions": [
          "710,60 80x2030",
        ],
        "sashes": [
          "tilt_turn_left door 750mm; cell 60,60 650x2030; symbols turn+tilt; handle 680,1078-680,1222",
          "tilt_turn_right window 1200mm; cell 790,60 1100x1297; symbols turn+tilt; handle 820,636.5-820,780.5; panel 790,1437 1100x653",
        ],
        "size": "1950x2150",
        "threshold": null,
        "transoms": [
          "790,1357 1100x80",
        ],
        "viewBox": "-58.1,-58.1 2240.4x2585.6",
      }
    `);
  });

  it('puts the hinges at the triangle base and the apex on the handle side', () => {
    const [left, , right] = layoutScheme(threeSash).sashes;
    const apexLeft = left!.symbols[0]!.polylines[0]![1]!;
    expect(apexLeft.x).toBe(left!.glass.x + left!.glass.width);
    expect(left!.handle!.x1).toBeGreaterThan(apexLeft.x);
    const apexRight = right!.symbols[0]!.polylines[0]![1]!;
    expect(apexRight.x).toBe(right!.glass.x);
    expect(right!.handle!.x1).toBeLessThan(apexRight.x);
    const tilt = right!.symbols[1]!.polylines[0]!;
    expect(tilt[1]!.y).toBe(right!.glass.y);
    expect(tilt[0]!.y).toBe(right!.glass.y + right!.glass.height);
  });

  for (const item of [oneSash, threeSash, door, balcony, sliding]) {
    it(`fills the frame exactly with sashes and mullions (${item.kind}, ${item.sashes.length} sashes)`, () => {
      const layout = layoutScheme(item);
      expect(layout.sashesScaled).toBe(false);
      expect(layout.sashes.reduce((sum, s) => sum + s.width, 0)).toBe(item.widthMm);
      expect(layout.sashes.map((s) => s.widthMm)).toEqual(item.sashes.map((s) => s.widthMm));
      expect(cellsAndMullions(layout)).toBeCloseTo(layout.frame.inner!.width, 6);
      const chain = layout.dimensions.filter((d) => d.role === 'sash').map((d) => d.valueMm);
      expect(chain.length === 0 ? item.widthMm : chain.reduce((a, b) => a + b, 0)).toBe(item.widthMm);
    });
  }

  it('labels the overall width below and the height on the right', () => {
    const layout = layoutScheme(threeSash);
    const width = layout.dimensions.find((d) => d.axis === 'horizontal' && d.role === 'overall')!;
    const height = layout.dimensions.find((d) => d.axis === 'vertical')!;
    const chainRow = layout.dimensions.find((d) => d.role === 'sash')!.line.y1;
    expect(width.valueMm).toBe(2100);
    expect(width.line.y1).toBeGreaterThan(chainRow);
    expect(chainRow).toBeGreaterThan(layout.heightMm);
    expect(height).toMatchObject({ valueMm: 1400, label: { rotate: -90 } });
    expect(height.line.x1).toBeGreaterThan(layout.widthMm);
    const vb = layout.viewBox;
    expect(vb.x + vb.width).toBeGreaterThan(height.line.x1);
    expect(vb.y + vb.height).toBeGreaterThan(width.line.y1);
  });

  it('draws sliding leaves with alternating arrows', () => {
    const layout = layoutScheme(sliding);
    expect(layout.sashes.every((s) => s.role === 'window' && s.panel === null && s.handle === null)).toBe(true);
    const directions = layout.sashes.map((s) => {
      expect(s.symbols.map((sym) => sym.kind)).toEqual(['slide']);
      const [shaft, head] = s.symbols[0]!.polylines;
      expect(head![1]).toEqual(shaft![1]);
      return Math.sign(shaft![1]!.x - shaft![0]!.x);
    });
    expect(directions).toEqual([1, -1, 1, -1]);
  });

  it('scales sash widths that do not add up to the frame', () => {
    const layout = layoutScheme({
      kind: 'window',
      widthMm: 1500,
      heightMm: 1400,
      sashes: [
        { widthMm: 500, opening: 'fixed' },
        { widthMm: 500, opening: 'tilt_turn_right' },
      ],
    });
    expect(layout.sashesScaled).toBe(true);
    expect(layout.sashes.map((s) => s.widthMm)).toEqual([750, 750]);
    expect(layout.sashes.map((s) => s.x)).toEqual([0, 750]);
    expect(cellsAndMullions(layout)).toBeCloseTo(layout.frame.inner!.width, 6);
    expect(fitSashWidths([1, 1, 1], 1000)).toEqual({ widthsMm: [334, 333, 333], scaled: true });
    expect(fitSashWidths([0, -5, Number.NaN], 900).widthsMm).toEqual([300, 300, 300]);
    expect(fitSashWidths([600, 0], 1200).widthsMm).toEqual([600, 600]);
  });

  it('draws one fixed pane when there are no sashes', () => {
    const layout = layoutScheme({ kind: 'window', widthMm: 800, heightMm: 600, sashes: [] });
    expect(layout.sashes).toHaveLength(1);
    expect(layout.sashes[0]).toMatchObject({ opening: 'fixed', widthMm: 800, sash: null, symbols: [], handle: null });
    expect(layout.sashesScaled).toBe(false);
    expect(layout.dimensions.map((d) => d.role)).toEqual(['overall', 'overall']);
  });

  it('draws roller shutters with slats and other items as a plain rectangle, both with dimensions', () => {
    const roller = layoutScheme({ kind: 'roller_shutter', widthMm: 1200, heightMm: 1500, sashes: [] });
    expect(roller.rollerBox).not.toBeNull();
    expect(roller.slats.length).toBeGreaterThan(10);
    expect(roller.sashes).toEqual([]);
    const other = layoutScheme({ kind: 'other', widthMm: 600, heightMm: 1200, sashes: [{ widthMm: 600, opening: 'fixed' }] });
    expect(other.frame.inner).toBeNull();
    expect(other.sashes).toEqual([]);
    for (const layout of [roller, other]) {
      expect(layout.dimensions.map((d) => d.valueMm)).toEqual([layout.widthMm, layout.heightMm]);
    }
  });

  it('clamps nonsense sizes instead of throwing', () => {
    const odd = [0, -100, Number.NaN, Number.POSITIVE_INFINITY, 0.4];
    for (const widthMm of odd) {
      for (const kind of ['window', 'door', 'balcony', 'roller_shutter', 'other'] as const) {
        const layout = layoutScheme({ kind, widthMm, heightMm: -1, sashes: SASH_OPENINGS.map((opening) => ({ widthMm: 0, opening })) });
        expect(layout.widthMm).toBe(MIN_SIDE_MM);
        expect(layout.heightMm).toBe(MIN_SIDE_MM);
        expect(numbersIn(layout).every(Number.isFinite)).toBe(true);
        for (const s of layout.sashes) expect(s.cell.width).toBeGreaterThanOrEqual(0);
      }
    }
    expect(layoutScheme({ ...threeSash, widthMm: 1e9 }).widthMm).toBe(20_000);
  });
});

describe('ConstructionScheme', () => {
  const render = (item: SchemeItem, title: string) => renderToStaticMarkup(createElement(ConstructionScheme, { item, title }));

  it('renders an accessible, scalable svg with its title', () => {
    const html = render(threeSash, 'Window, three sashes');
    expect(html).toMatch(/^<svg [^>]*role="img"/);
    expect(html).toMatch(/viewBox="[-\d. ]+"/);
    expect(html).toContain('w-full');
    const titleId = /<title id="([^"]+)">Window, three sashes<\/title>/.exec(html)?.[1];
    expect(titleId).toBeTruthy();
    expect(html).toContain(`aria-labelledby="${titleId}"`);
    expect(html).not.toMatch(/#[0-9a-f]{3,6}\b/i);
  });

  it('paints one path per opening symbol and every dimension number', () => {
    for (const item of [oneSash, threeSash, door, balcony, sliding]) {
      const layout = layoutScheme(item);
      const html = render(item, 'scheme');
      const symbols = layout.sashes.flatMap((s) => s.symbols.map((sym) => sym.kind));
      expect([...html.matchAll(/<path data-symbol="(\w+)"/g)].map((m) => m[1])).toEqual(symbols);
      const numbers = [...html.matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(layout.dimensions.map((d) => d.valueMm));
    }
    const html = render(threeSash, 'scheme');
    for (const n of ['620', '860', '2100', '1400']) expect(html).toContain(`>${n}</text>`);
    expect(html).toContain('transform="rotate(-90');
  });
});
