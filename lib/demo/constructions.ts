import type { ItemKind, SashOpening } from '@/drizzle/schema/values';
import {
  ALUMINIUM_COLOURS,
  DOOR_HARDWARE,
  DOOR_PROFILES,
  EXTRAS,
  GLAZINGS,
  PVC_COLOURS,
  ROLLER_SYSTEMS,
  SLIDING_GLAZING,
  SLIDING_HARDWARE,
  SLIDING_PROFILES,
  WINDOW_HARDWARE,
  WINDOW_PROFILES,
  type Colour,
  type Glazing,
  type Hardware,
  type ItemKindForExtras,
  type ProfileSystem,
} from './data';
import { mulDivRound, uah } from './money';
import type { Rng } from './random';

// The positions of an order: constructions a dealer would really order, priced the way a
// configurator prices them (area × profile rate, lamination surcharge, glazing surcharge,
// hardware per opening sash, extras), all in integer kopiyky.

type Sash = { widthMm: number; opening: SashOpening };

export type Construction = {
  kind: ItemKind;
  name: string;
  widthMm: number;
  heightMm: number;
  quantity: number;
  profile: string | null;
  glazing: string | null;
  color: string | null;
  hardware: string | null;
  sashes: Sash[];
  extras: string[];
  /** Price of one piece, in kopiyky. */
  priceKop: number;
};

/** One dealer's customer usually gets one system, glazing, colour and hardware for the whole order. */
type OrderStyle = { profile: ProfileSystem; glazing: Glazing; colour: Colour; hardware: Hardware };

const weightOf = <T extends { weight: number }>(items: readonly T[]) => items.map((i) => [i, i.weight] as const);

function pickStyle(rng: Rng): OrderStyle {
  const profile = rng.weighted(weightOf(WINDOW_PROFILES));
  return {
    profile,
    glazing: rng.weighted(weightOf(GLAZINGS)),
    colour: rng.weighted(weightOf(profile.material === 'aluminium' ? ALUMINIUM_COLOURS : PVC_COLOURS)),
    hardware: rng.weighted(weightOf(WINDOW_HARDWARE)),
  };
}

/** A size in mm, rounded to 10 mm as people measure openings. */
const size = (rng: Rng, min: number, max: number) => rng.int(min / 10, max / 10) * 10;

/** Splits a width into sash widths that add up to it exactly, roughly in the given proportions. */
function splitWidth(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((total * s) / sum / 5) * 5);
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

const sashes = (widths: readonly number[], openings: readonly SashOpening[]): Sash[] =>
  openings.map((opening, i) => ({ widthMm: widths[i] ?? 0, opening }));

const WINDOW_2_LAYOUTS: readonly (readonly [readonly SashOpening[], number])[] = [
  [['fixed', 'tilt_turn_right'], 30],
  [['tilt_turn_left', 'fixed'], 15],
  [['tilt_turn_left', 'tilt_turn_right'], 35],
  [['turn_left', 'tilt_turn_right'], 12],
  [['tilt', 'tilt'], 3],
];

const WINDOW_3_LAYOUTS: readonly (readonly [readonly SashOpening[], number])[] = [
  [['tilt_turn_left', 'fixed', 'tilt_turn_right'], 45],
  [['fixed', 'tilt_turn_right', 'fixed'], 20],
  [['tilt_turn_left', 'fixed', 'fixed'], 15],
  [['tilt_turn_left', 'tilt_turn_right', 'tilt_turn_right'], 10],
];

type Shape = Pick<Construction, 'kind' | 'name' | 'widthMm' | 'heightMm' | 'sashes'> & {
  system: 'window' | 'door' | 'sliding' | 'roller' | 'net';
};

function windowShape(rng: Rng, leaves: 1 | 2 | 3): Shape {
  if (leaves === 1) {
    const variant = rng.weighted([
      ['opening', 70],
      ['fixed', 20],
      ['tilt', 10],
    ] as const);
    if (variant === 'tilt') {
      const widthMm = size(rng, 500, 1200);
      return { kind: 'window', system: 'window', name: 'Фрамуга відкидна', widthMm, heightMm: size(rng, 400, 700), sashes: sashes([widthMm], ['tilt']) };
    }
    const widthMm = size(rng, 500, 950);
    const opening: SashOpening = variant === 'fixed' ? 'fixed' : rng.pick(['tilt_turn_left', 'tilt_turn_right'] as const);
    return {
      kind: 'window',
      system: 'window',
      name: variant === 'fixed' ? 'Вікно одностулкове глухе' : 'Вікно одностулкове поворотно-відкидне',
      widthMm,
      heightMm: size(rng, 600, 1500),
      sashes: sashes([widthMm], [opening]),
    };
  }
  const layout = rng.weighted(leaves === 2 ? WINDOW_2_LAYOUTS : WINDOW_3_LAYOUTS);
  const widthMm = leaves === 2 ? size(rng, 1000, 1700) : size(rng, 1700, 2600);
  // A fixed middle leaf of a three-leaf window is usually the widest (the "picture" pane).
  const shares = leaves === 2 ? [1, 1] : layout[1] === 'fixed' ? [1, 1.4, 1] : [1, 1, 1];
  return {
    kind: 'window',
    system: 'window',
    name: leaves === 2 ? 'Вікно двостулкове' : 'Вікно тристулкове',
    widthMm,
    heightMm: size(rng, 1100, 1600),
    sashes: sashes(splitWidth(widthMm, shares), layout),
  };
}

function balconyShape(rng: Rng): Shape {
  const door = size(rng, 650, 800);
  const window = size(rng, 900, 1400);
  const doorOpening = rng.pick(['tilt_turn_left', 'tilt_turn_right'] as const);
  const windowOpening = rng.weighted([
    ['fixed', 45],
    [doorOpening === 'tilt_turn_left' ? 'tilt_turn_right' : 'tilt_turn_left', 55],
  ] as const);
  const doorFirst = doorOpening === 'tilt_turn_left';
  return {
    kind: 'balcony',
    system: 'window',
    name: doorFirst ? 'Балконний блок (двері ліворуч, вікно праворуч)' : 'Балконний блок (вікно ліворуч, двері праворуч)',
    widthMm: door + window,
    heightMm: size(rng, 2050, 2200),
    sashes: doorFirst
      ? [{ widthMm: door, opening: doorOpening }, { widthMm: window, opening: windowOpening }]
      : [{ widthMm: window, opening: windowOpening }, { widthMm: door, opening: doorOpening }],
  };
}

function shapeOf(rng: Rng): Shape {
  const kind = rng.weighted([
    ['window1', 20],
    ['window2', 30],
    ['window3', 12],
    ['balcony', 12],
    ['entrance', 4],
    ['balconyDoor', 3],
    ['sliding', 4],
    ['roller', 6],
    ['net', 2],
  ] as const);
  switch (kind) {
    case 'window1':
      return windowShape(rng, 1);
    case 'window2':
      return windowShape(rng, 2);
    case 'window3':
      return windowShape(rng, 3);
    case 'balcony':
      return balconyShape(rng);
    case 'entrance': {
      const widthMm = size(rng, 850, 1050);
      const opening = rng.pick(['turn_left', 'turn_right'] as const);
      return { kind: 'door', system: 'door', name: 'Двері вхідні', widthMm, heightMm: size(rng, 2050, 2250), sashes: sashes([widthMm], [opening]) };
    }
    case 'balconyDoor': {
      const widthMm = size(rng, 650, 850);
      const opening = rng.pick(['tilt_turn_left', 'tilt_turn_right'] as const);
      return { kind: 'door', system: 'window', name: 'Двері балконні', widthMm, heightMm: size(rng, 2000, 2200), sashes: sashes([widthMm], [opening]) };
    }
    case 'sliding': {
      const widthMm = size(rng, 2400, 3600);
      const leaves = widthMm > 3000 ? 4 : 3;
      return {
        kind: 'balcony',
        system: 'sliding',
        name: 'Розсувна балконна система',
        widthMm,
        heightMm: size(rng, 1300, 1550),
        sashes: sashes(splitWidth(widthMm, Array<number>(leaves).fill(1)), Array<SashOpening>(leaves).fill('sliding')),
      };
    }
    case 'roller':
      return { kind: 'roller_shutter', system: 'roller', name: 'Ролета захисна', widthMm: size(rng, 700, 2400), heightMm: size(rng, 1000, 2200), sashes: [] };
    case 'net':
      return { kind: 'other', system: 'net', name: 'Москітна сітка окремо', widthMm: size(rng, 500, 1000), heightMm: size(rng, 1000, 1500), sashes: [] };
  }
}

const extrasFor = (kind: ItemKindForExtras) => EXTRAS.filter((e) => e.kinds.includes(kind));

function chooseExtras(rng: Rng, kind: ItemKind): { names: string[]; kop: number } {
  if (kind === 'other') return { names: [], kop: 0 };
  const options = extrasFor(kind);
  // A roller shutter always comes with one way to drive it.
  if (kind === 'roller_shutter') {
    const drive = rng.chance(0.45) ? options[0] : options[1];
    return drive ? { names: [drive.name], kop: uah(drive.price) } : { names: [], kop: 0 };
  }
  const chosen = rng.shuffle(options).slice(0, rng.weighted([[0, 20], [1, 25], [2, 30], [3, 18], [4, 7]] as const));
  // Keep the configurator's order, so the same extras always read the same way.
  const ordered = options.filter((o) => chosen.includes(o));
  return { names: ordered.map((e) => e.name), kop: ordered.reduce((sum, e) => sum + uah(e.price), 0) };
}

function priceOf(shape: Shape, profile: ProfileSystem, glazing: Glazing | null, colour: Colour, hardware: Hardware | null, extrasKop: number): number {
  const area = shape.widthMm * shape.heightMm; // mm²; 1 m² = 1,000,000 mm²
  if (shape.system === 'net') return uah(Math.max(650, mulDivRound(area, 1, 1600)));
  const frame = mulDivRound(area, uah(profile.pricePerM2), 1_000_000);
  const lamination = mulDivRound(frame, colour.surchargePct, 100);
  const glass = glazing ? mulDivRound(area, uah(glazing.surchargePerM2), 1_000_000) : 0;
  const openingSashes = shape.sashes.filter((s) => s.opening !== 'fixed').length;
  const fittings = hardware ? openingSashes * uah(hardware.perSash) : 0;
  return frame + lamination + glass + fittings + extrasKop;
}

function buildConstruction(rng: Rng, style: OrderStyle): Construction {
  const shape = shapeOf(rng);
  let profile = style.profile;
  let glazing: Glazing | null = style.glazing;
  let colour = style.colour;
  let hardware: Hardware | null = style.hardware;
  if (shape.system === 'door') {
    profile = rng.weighted(weightOf(DOOR_PROFILES));
    hardware = rng.weighted(weightOf(DOOR_HARDWARE));
  } else if (shape.system === 'sliding') {
    profile = rng.weighted(weightOf(SLIDING_PROFILES));
    glazing = SLIDING_GLAZING;
    hardware = SLIDING_HARDWARE;
  } else if (shape.system === 'roller' || shape.system === 'net') {
    profile = shape.system === 'roller' ? rng.weighted(weightOf(ROLLER_SYSTEMS)) : profile;
    glazing = null;
    hardware = null;
  } else if (rng.chance(0.08)) {
    // Now and then one position differs from the rest (a bathroom window with other glazing).
    glazing = rng.weighted(weightOf(GLAZINGS));
  }
  if (profile.material !== style.profile.material) {
    colour = rng.weighted(weightOf(profile.material === 'aluminium' ? ALUMINIUM_COLOURS : PVC_COLOURS));
  }
  if (shape.sashes.length > 0 && shape.sashes.every((s) => s.opening === 'fixed')) hardware = null;
  const extras = chooseExtras(rng, shape.kind);
  const quantity =
    shape.kind === 'door' ? 1 : rng.weighted([[1, 80], [2, 12], [3, 5], [4, 3]] as const);
  return {
    kind: shape.kind,
    name: shape.name,
    widthMm: shape.widthMm,
    heightMm: shape.heightMm,
    quantity,
    profile: shape.system === 'net' ? null : profile.name,
    glazing: glazing?.name ?? null,
    color: shape.system === 'net' ? 'білий' : colour.name,
    hardware: hardware?.name ?? null,
    sashes: shape.sashes,
    extras: extras.names,
    priceKop: priceOf(shape, profile, glazing, colour, hardware, extras.kop),
  };
}

/** 1-6 constructions; at least `minUnits` pieces in all (a partly made order needs two). */
export function buildConstructions(rng: Rng, minUnits = 1): Construction[] {
  const style = pickStyle(rng);
  const count = rng.weighted([[1, 25], [2, 25], [3, 20], [4, 13], [5, 10], [6, 7]] as const);
  const items: Construction[] = [];
  let units = 0;
  while (items.length < count || (units < minUnits && items.length < 6)) {
    const item = buildConstruction(rng, style);
    items.push(item);
    units += item.quantity;
  }
  return items;
}

/** The order total: the sum of price × quantity, in kopiyky. */
export function totalKop(items: readonly Construction[]): number {
  return items.reduce((sum, item) => sum + item.priceKop * item.quantity, 0);
}
