// The glazing formula window makers write ("4-16Ar-4i", "4i-12Ar-4-12Ar-4i",
// "33.1 триплекс-14Ar-4-14Ar-4i") read into its layers, so the order page can say it in words:
// panes and the gaps between them, alternately, outside to inside.

export type GlassLayer = {
  kind: 'glass';
  /** Thickness in mm; a laminated pane "33.1" is 3 + 3 mm with one film: 6 mm. */
  mm: number;
  lowE: boolean;
  tempered: boolean;
  /** Laminated (triplex): the two sheets and the films, e.g. 3 + 3 with 1 film. */
  laminated: { sheetsMm: [number, number]; films: number } | null;
};

export type GapLayer = { kind: 'gap'; mm: number; gas: 'air' | 'argon' | 'krypton' };

export type Glazing = {
  layers: (GlassLayer | GapLayer)[];
  panes: number;
  /** Chambers: the gaps between the panes (one for a double-glazed unit, two for triple). */
  chambers: number;
  totalMm: number;
};

const TEMPERED = /^(загартован\S*|закален\S*|tempered|esg)$/i;
const LAMINATED = /^(триплекс|triplex|laminated|vsg)$/i;
const LOW_E = /^(енергозберігаюч\S*|энергосберегающ\S*|low-?e)$/i;

function glass(token: string): GlassLayer | null {
  const m = /^(\d{1,2}(?:[.,]\d)?)(i)?((?:\s+\S+)*)$/u.exec(token);
  if (!m) return null;
  const [, size = '', i, rest = ''] = m;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (!words.every((w) => TEMPERED.test(w) || LAMINATED.test(w) || LOW_E.test(w))) return null;
  const tempered = words.some((w) => TEMPERED.test(w));
  const lowE = Boolean(i) || words.some((w) => LOW_E.test(w));
  // "33.1": two sheets of 3 mm with one film between them (the film's thickness is not counted).
  const laminatedCode = /^(\d)(\d)[.,](\d)$/.exec(size);
  if (laminatedCode) {
    const [, a = '0', b = '0', films = '1'] = laminatedCode;
    return { kind: 'glass', mm: Number(a) + Number(b), lowE, tempered, laminated: { sheetsMm: [Number(a), Number(b)], films: Number(films) } };
  }
  if (words.some((w) => LAMINATED.test(w))) return null;
  const mm = Number(size.replace(',', '.'));
  if (!(mm >= 2 && mm <= 19)) return null;
  return { kind: 'glass', mm, lowE, tempered, laminated: null };
}

function gap(token: string): GapLayer | null {
  const m = /^(\d{1,2})(Ar|Kr)?$/i.exec(token);
  if (!m) return null;
  const mm = Number(m[1]);
  if (mm < 6 || mm > 30) return null;
  const gas = m[2]?.toLowerCase() === 'ar' ? 'argon' : m[2]?.toLowerCase() === 'kr' ? 'krypton' : 'air';
  return { kind: 'gap', mm, gas };
}

/**
 * The layers of a glazing formula, or null when the text is not one (then the page shows it as
 * the factory wrote it). A note in brackets after the formula is the factory's own words and is
 * left out; a single pane ("4 мм загартоване, одинарне") is not a formula either.
 */
export function parseGlazing(text: string): Glazing | null {
  const formula = text.replace(/\s*\(.*\)\s*$/u, '').trim();
  if (!formula.includes('-')) return null;
  const tokens = formula.split('-').map((t) => t.trim());
  if (tokens.length < 3 || tokens.length % 2 === 0) return null;
  const layers: (GlassLayer | GapLayer)[] = [];
  for (const [index, token] of tokens.entries()) {
    const layer = index % 2 === 0 ? glass(token) : gap(token);
    if (!layer) return null;
    layers.push(layer);
  }
  const panes = layers.filter((l) => l.kind === 'glass').length;
  return { layers, panes, chambers: panes - 1, totalMm: layers.reduce((sum, l) => sum + l.mm, 0) };
}
