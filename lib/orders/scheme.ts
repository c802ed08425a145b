import type { ItemKind, SashOpening } from '@/drizzle/schema/values';

// The scheme of one construction as window makers draw it: seen from inside the room, to scale,
// with the opening symbols and dimension lines in mm. Pure geometry, no React, so tests can check
// the numbers and components/orders/construction-scheme.tsx only has to paint them.
//
// Drawing units are millimetres (1 unit = 1 mm), so the drawing is to scale by construction.
//
// Conventions (DIN / ДСТУ usage as in factory drawings):
// - Frame: the outer outline and the inner edge of the profile. Sash widths on the chain are
//   measured axis to axis: from the outer frame edge or the centre of a mullion. A sash that
//   opens has its own profile outline inside the frame; a fixed pane is glazed into the frame.
// - Turn: two lines from the hinge side's corners meeting at the middle of the handle side, so
//   the triangle's base is the hinge side and its apex the handle. turn_left = hinges on the left,
//   apex on the right. Tilt: hinges at the bottom, apex at the top centre. Tilt-and-turn: both.
// - Sliding: a horizontal arrow; leaves alternate, the first slides to the right, so a pair of
//   leaves closes towards the middle.
// - Door: the bottom frame member is a low threshold (drawn filled and thin), the handle is at
//   door-handle height. A door leaf is any sash of a door; fixed sashes of a door are side lights.
// - Balcony block: a door plus a window. The door is the narrowest hinged sash (the demo builds a
//   650-800 mm door beside a 900-1400 mm window); it runs the full height. Every other sash is
//   the window: glazed above a transom, with a hatched blind panel below where a wall or sandwich
//   panel closes the parapet. The parapet height is not part of the data, so the transom is drawn
//   at a fixed share of the height and gets no dimension. A balcony with one sash is a door alone;
//   sliding balcony glazing (any sliding sash) or one without a hinged sash is drawn like a window.
// - Roller shutter: the box at the top, guide rails at the sides, horizontal slats; sashes ignored.
//   Other (e.g. a mosquito net ordered alone): a plain rectangle. Both keep their dimensions.

export type SchemeSashInput = { widthMm: number; opening: SashOpening };
export type SchemeItem = {
  kind: ItemKind;
  widthMm: number;
  heightMm: number;
  sashes: readonly SchemeSashInput[];
};

export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; width: number; height: number };
export type Segment = { x1: number; y1: number; x2: number; y2: number };

/** One opening symbol: painted as one path made of these polylines. */
export type OpeningSymbol = { kind: 'turn' | 'tilt' | 'slide'; polylines: Point[][] };

export type SchemeSash = {
  opening: SashOpening;
  /** 'door' for a door leaf: a hinged sash of a door, or the door of a balcony block. */
  role: 'window' | 'door';
  /** The number on the dimension chain: the input width, or its share when inputs do not add up. */
  widthMm: number;
  /** The axis-to-axis span (frame edge or mullion centre on either side), in drawing units. */
  x: number;
  width: number;
  /** The opening in the frame between frame, mullions and transom. */
  cell: Rect;
  /** The sash profile's outline; null for a pane glazed into the frame. */
  sash: Rect | null;
  glass: Rect;
  symbols: OpeningSymbol[];
  handle: Segment | null;
  /** The blind panel under the window part of a balcony block. */
  panel: Rect | null;
};

export type Dimension = {
  axis: 'horizontal' | 'vertical';
  /** 'overall' for the frame's width or height, 'sash' for one link of the chain. */
  role: 'overall' | 'sash';
  valueMm: number;
  line: Segment;
  ticks: Segment[];
  extensions: Segment[];
  /** Centre of the text's baseline; vertical labels are rotated -90° about it. */
  label: { x: number; y: number; fontSize: number; rotate: 0 | -90 };
};

export type SchemeLayout = {
  kind: ItemKind;
  /** The sizes drawn, after clamping nonsense input. */
  widthMm: number;
  heightMm: number;
  /** True when the sash widths did not add up to the frame and were scaled to it. */
  sashesScaled: boolean;
  viewBox: Rect;
  fontSize: number;
  frame: { outer: Rect; inner: Rect | null };
  threshold: Rect | null;
  mullions: Rect[];
  transoms: Rect[];
  /** Hatching of the blind panels. */
  hatch: Segment[];
  rollerBox: Rect | null;
  slats: Segment[];
  sashes: SchemeSash[];
  dimensions: Dimension[];
};

export const MIN_SIDE_MM = 100;
export const MAX_SIDE_MM = 20_000;
/** Visible frame profile and mullion widths of a usual PVC system. */
const PROFILE_MM = 60;
const MULLION_MM = 80;
const DOOR_HANDLE_MM = 1000;
/** Share of a balcony block's height below the window's transom (≈ 750 mm of 2150). */
const BALCONY_PANEL_SHARE = 0.35;
const ROLLER_BOX_MM = 180;
const ROLLER_RAIL_MM = 50;
const SLAT_MM = 40;
/** Text is ~4.5% of the larger side, so a 360 px wide phone still shows ~12 px digits. */
const FONT_SHARE = 0.045;
/** Floor for small constructions, where text would otherwise be thinner than the frame profile. */
const MIN_FONT = 20;
/** Rough advance of one digit, as a share of the font size, to keep labels inside the view. */
const DIGIT_WIDTH = 0.6;

/** One decimal is plenty for millimetres and keeps the markup short. */
const r = (v: number) => Math.round(v * 10) / 10;
const rect = (x: number, y: number, width: number, height: number): Rect => ({
  x: r(x),
  y: r(y),
  width: r(Math.max(0, width)),
  height: r(Math.max(0, height)),
});
const seg = (x1: number, y1: number, x2: number, y2: number): Segment => ({ x1: r(x1), y1: r(y1), x2: r(x2), y2: r(y2) });
const pt = (x: number, y: number): Point => ({ x: r(x), y: r(y) });
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function inset(box: Rect, by: number): Rect {
  const d = Math.min(by, box.width / 2, box.height / 2);
  return rect(box.x + d, box.y + d, box.width - 2 * d, box.height - 2 * d);
}

/** A side in whole mm between the limits; anything not a number becomes the minimum. */
function clampSide(mm: number): number {
  return Number.isFinite(mm) ? Math.min(MAX_SIDE_MM, Math.max(MIN_SIDE_MM, Math.round(mm))) : MIN_SIDE_MM;
}

/**
 * Sash widths in whole mm that add up to the frame: the input when it already does, otherwise
 * scaled proportionally (largest remainder, so the chain still adds up). A missing or
 * non-positive width counts as the mean of the others.
 */
export function fitSashWidths(widths: readonly number[], totalMm: number): { widthsMm: number[]; scaled: boolean } {
  const valid = widths.filter((w) => Number.isFinite(w) && w > 0);
  const mean = valid.length > 0 ? sum(valid) / valid.length : 1;
  const clean = widths.map((w) => (Number.isFinite(w) && w > 0 ? w : mean));
  if (clean.every(Number.isInteger) && sum(clean) === totalMm) return { widthsMm: clean, scaled: false };
  const exact = clean.map((w) => (w * totalMm) / sum(clean));
  const widthsMm = exact.map(Math.floor);
  const byRemainder = exact.map((w, i) => [w - Math.floor(w), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let rest = totalMm - sum(widthsMm);
  for (const [, i] of byRemainder) {
    if (rest <= 0) break;
    widthsMm[i] = (widthsMm[i] ?? 0) + 1;
    rest -= 1;
  }
  return { widthsMm, scaled: true };
}

const HINGED: readonly SashOpening[] = ['turn_left', 'turn_right', 'tilt_turn_left', 'tilt_turn_right'];

/** Index of a balcony block's door leaf, or -1 when it is drawn like a window (see header). */
function balconyDoorIndex(sashes: readonly SchemeSashInput[], widths: readonly number[]): number {
  if (sashes.length === 1) return 0;
  if (sashes.some((s) => s.opening === 'sliding')) return -1;
  // Narrowest first; of equal ones the one nearer an end, as a door rarely stands in the middle.
  const distanceToEnd = (i: number) => Math.min(i, sashes.length - 1 - i);
  const candidates = sashes.flatMap((s, i) => (HINGED.includes(s.opening) ? [i] : []));
  candidates.sort((a, b) => (widths[a] ?? 0) - (widths[b] ?? 0) || distanceToEnd(a) - distanceToEnd(b) || a - b);
  return candidates[0] ?? -1;
}

function symbolsFor(opening: SashOpening, g: Rect, index: number, fontSize: number): OpeningSymbol[] {
  const left = g.x;
  const right = g.x + g.width;
  const top = g.y;
  const bottom = g.y + g.height;
  const midY = g.y + g.height / 2;
  const midX = g.x + g.width / 2;
  const turnLeft: OpeningSymbol = { kind: 'turn', polylines: [[pt(left, top), pt(right, midY), pt(left, bottom)]] };
  const turnRight: OpeningSymbol = { kind: 'turn', polylines: [[pt(right, top), pt(left, midY), pt(right, bottom)]] };
  const tilt: OpeningSymbol = { kind: 'tilt', polylines: [[pt(left, bottom), pt(midX, top), pt(right, bottom)]] };
  switch (opening) {
    case 'fixed':
      return [];
    case 'turn_left':
      return [turnLeft];
    case 'turn_right':
      return [turnRight];
    case 'tilt_turn_left':
      return [turnLeft, tilt];
    case 'tilt_turn_right':
      return [turnRight, tilt];
    case 'tilt':
      return [tilt];
    case 'sliding': {
      const dir = index % 2 === 0 ? 1 : -1;
      const half = g.width / 4;
      const head = Math.min(fontSize * 0.6, g.width * 0.12, g.height * 0.2);
      const tip = midX + dir * half;
      return [
        {
          kind: 'slide',
          polylines: [
            [pt(midX - dir * half, midY), pt(tip, midY)],
            [pt(tip - dir * head, midY - head), pt(tip, midY), pt(tip - dir * head, midY + head)],
          ],
        },
      ];
    }
  }
}

/** The handle in the middle of the sash profile on the handle side (top centre for a tilt sash). */
function handleFor(opening: SashOpening, sash: Rect | null, glass: Rect, length: number, centreY: number): Segment | null {
  if (!sash || opening === 'fixed' || opening === 'sliding') return null;
  if (opening === 'tilt') {
    const y = (sash.y + glass.y) / 2;
    const cx = glass.x + glass.width / 2;
    return seg(cx - length / 2, y, cx + length / 2, y);
  }
  const hingeLeft = opening === 'turn_left' || opening === 'tilt_turn_left';
  const x = hingeLeft ? (glass.x + glass.width + sash.x + sash.width) / 2 : (sash.x + glass.x) / 2;
  return seg(x, centreY - length / 2, x, centreY + length / 2);
}

const textWidth = (value: number, fontSize: number) => String(value).length * DIGIT_WIDTH * fontSize;

function dimension(
  axis: Dimension['axis'],
  role: Dimension['role'],
  from: number,
  to: number,
  at: number,
  objectEdge: number,
  valueMm: number,
  fontSize: number,
  labelSize: number,
): Dimension {
  const tick = fontSize * 0.35;
  const gap = fontSize * 0.3;
  const over = fontSize * 0.4;
  const mid = (from + to) / 2;
  if (axis === 'horizontal') {
    return {
      axis,
      role,
      valueMm,
      line: seg(from, at, to, at),
      ticks: [from, to].map((x) => seg(x - tick, at + tick, x + tick, at - tick)),
      extensions: [from, to].map((x) => seg(x, objectEdge + gap, x, at + over)),
      label: { x: r(mid), y: r(at - gap), fontSize: r(labelSize), rotate: 0 },
    };
  }
  return {
    axis,
    role,
    valueMm,
    line: seg(at, from, at, to),
    ticks: [from, to].map((y) => seg(at - tick, y + tick, at + tick, y - tick)),
    extensions: [from, to].map((y) => seg(objectEdge + gap, y, at + over, y)),
    label: { x: r(at - gap), y: r(mid), fontSize: r(labelSize), rotate: -90 },
  };
}

/** Overall width below (with the sash chain nearer the frame), overall height on the right. */
function dimensionsFor(w: number, h: number, sashes: readonly SchemeSash[], fontSize: number): Dimension[] {
  const firstRow = h + fontSize * 1.4;
  const rowStep = fontSize * 1.5;
  const dims: Dimension[] = [];
  if (sashes.length > 1) {
    for (const s of sashes) {
      // A label wider than its sash shrinks to fit, down to 60% of the main size.
      const fit = (s.width * 0.9) / (String(s.widthMm).length * DIGIT_WIDTH);
      dims.push(dimension('horizontal', 'sash', s.x, s.x + s.width, firstRow, h, s.widthMm, fontSize, Math.max(fontSize * 0.6, Math.min(fontSize, fit))));
    }
  }
  const overallRow = sashes.length > 1 ? firstRow + rowStep : firstRow;
  dims.push(dimension('horizontal', 'overall', 0, w, overallRow, h, w, fontSize, fontSize));
  dims.push(dimension('vertical', 'overall', 0, h, w + fontSize * 1.4, w, h, fontSize, fontSize));
  return dims;
}

/** 45° hatching clipped to a rectangle. */
function hatchLines(box: Rect, spacing: number): Segment[] {
  const lines: Segment[] = [];
  if (box.width <= 0 || box.height <= 0 || spacing <= 0) return lines;
  const bottom = box.y + box.height;
  const right = box.x + box.width;
  // Lines x + y = k run from bottom left to top right.
  for (let k = box.x + box.y + spacing; k < right + bottom; k += spacing) {
    const xStart = Math.max(box.x, k - bottom);
    const xEnd = Math.min(right, k - box.y);
    if (xEnd > xStart) lines.push(seg(xStart, k - xStart, xEnd, k - xEnd));
  }
  return lines;
}

export function layoutScheme(item: SchemeItem): SchemeLayout {
  const w = clampSide(item.widthMm);
  const h = clampSide(item.heightMm);
  const fontSize = r(Math.max(Math.max(w, h) * FONT_SHARE, MIN_FONT));
  const f = Math.max(1, Math.round(Math.min(PROFILE_MM, Math.min(w, h) * 0.1)));
  const outer = rect(0, 0, w, h);
  const layout: SchemeLayout = {
    kind: item.kind,
    widthMm: w,
    heightMm: h,
    sashesScaled: false,
    viewBox: outer,
    fontSize,
    frame: { outer, inner: null },
    threshold: null,
    mullions: [],
    transoms: [],
    hatch: [],
    rollerBox: null,
    slats: [],
    sashes: [],
    dimensions: [],
  };

  if (item.kind === 'roller_shutter') {
    const box = Math.round(Math.min(ROLLER_BOX_MM, h * 0.2));
    const rail = Math.round(Math.min(ROLLER_RAIL_MM, w * 0.08));
    layout.rollerBox = rect(0, 0, w, box);
    layout.frame.inner = rect(rail, box, w - 2 * rail, h - box);
    const pitch = Math.max(SLAT_MM, (h - box) / 40);
    for (let y = box + pitch; y < h - pitch / 2; y += pitch) layout.slats.push(seg(rail, y, w - rail, y));
  } else if (item.kind !== 'other') {
    layoutGlazing(layout, item, f);
  }

  layout.dimensions = dimensionsFor(w, h, layout.sashes, fontSize);
  layout.viewBox = viewBoxFor(w, h, layout.dimensions, fontSize);
  return layout;
}

function layoutGlazing(layout: SchemeLayout, item: SchemeItem, f: number): void {
  const { widthMm: w, heightMm: h, fontSize } = layout;
  const inputs: readonly SchemeSashInput[] = item.sashes.length > 0 ? item.sashes : [{ widthMm: w, opening: 'fixed' }];
  const { widthsMm, scaled } = fitSashWidths(inputs.map((s) => s.widthMm), w);
  layout.sashesScaled = scaled;
  const m = 2 * Math.round(Math.min(MULLION_MM, Math.min(...widthsMm) * 0.3) / 2);
  const isDoor = item.kind === 'door';
  const threshold = Math.max(1, Math.round(f * 0.35));
  const innerBottom = isDoor ? h - threshold : h - f;
  layout.frame.inner = rect(f, f, w - 2 * f, innerBottom - f);
  if (isDoor) layout.threshold = rect(0, h - threshold, w, threshold);
  const doorIndex = item.kind === 'balcony' ? balconyDoorIndex(inputs, widthsMm) : -1;
  const transomY = h - Math.round(h * BALCONY_PANEL_SHARE);
  const handleLength = f * 2.4;

  let x = 0;
  inputs.forEach((input, i) => {
    const span = widthsMm[i] ?? 0;
    if (i > 0) layout.mullions.push(rect(x - m / 2, f, m, innerBottom - f));
    const left = x + (i === 0 ? f : m / 2);
    const right = x + span - (i === inputs.length - 1 ? f : m / 2);
    const role: SchemeSash['role'] = (isDoor && HINGED.includes(input.opening)) || i === doorIndex ? 'door' : 'window';
    const withPanel = doorIndex >= 0 && i !== doorIndex;
    const cellBottom = withPanel ? transomY - m / 2 : innerBottom;
    const cell = rect(left, f, right - left, cellBottom - f);
    let panel: Rect | null = null;
    if (withPanel) {
      layout.transoms.push(rect(left, transomY - m / 2, right - left, m));
      panel = rect(left, transomY + m / 2, right - left, innerBottom - transomY - m / 2);
      layout.hatch.push(...hatchLines(panel, Math.max(fontSize, f * 1.2)));
    }
    const sash = input.opening === 'fixed' ? null : inset(cell, f * 0.1);
    const glass = sash ? inset(sash, f * 0.8) : inset(cell, f * 0.25);
    const midY = cell.y + cell.height / 2;
    // Door leaves carry the handle at door-handle height, never above the middle of the leaf.
    const handleY = role === 'door' ? Math.max(midY, h - DOOR_HANDLE_MM) : midY;
    layout.sashes.push({
      opening: input.opening,
      role,
      widthMm: span,
      x,
      width: span,
      cell,
      sash,
      glass,
      symbols: symbolsFor(input.opening, glass, i, fontSize),
      handle: handleFor(input.opening, sash, glass, handleLength, handleY),
      panel,
    });
    x += span;
  });
}

/** The frame, the dimensions and every label's estimated extent, with a margin all round. */
function viewBoxFor(w: number, h: number, dims: readonly Dimension[], fontSize: number): Rect {
  const xs = [0, w];
  const ys = [0, h];
  for (const d of dims) {
    for (const s of [d.line, ...d.extensions]) {
      xs.push(s.x1, s.x2);
      ys.push(s.y1, s.y2);
    }
    const half = textWidth(d.valueMm, d.label.fontSize) / 2;
    if (d.label.rotate === 0) xs.push(d.label.x - half, d.label.x + half);
    else ys.push(d.label.y - half, d.label.y + half);
  }
  const margin = fontSize * 0.6;
  const minX = Math.min(...xs) - margin;
  const minY = Math.min(...ys) - margin;
  return rect(minX, minY, Math.max(...xs) + margin - minX, Math.max(...ys) + margin - minY);
}
