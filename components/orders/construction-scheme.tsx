import { useId } from 'react';
import { layoutScheme, type Dimension, type Rect, type SchemeItem, type SchemeSash } from '@/lib/orders/scheme';

// Paints the scheme that lib/orders/scheme.ts lays out (conventions are described there). Every
// colour is currentColor at some opacity, so the drawing takes the text colour of whatever card it
// sits in and reads in light and dark alike. Strokes do not scale with the drawing: a 3 m
// balcony and a 500 mm transom get the same hairlines on a phone.

type Props = {
  item: SchemeItem;
  /** The accessible description, already translated by the caller. */
  title: string;
  /** Sizing classes; without them the scheme takes the width and at most 24rem of height. */
  className?: string;
};

const NON_SCALING = { vectorEffect: 'non-scaling-stroke' } as const;

const rectPath = (r: Rect) => `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}z`;

/** A profile: the band between an outline and the opening inside it. */
function Profile({ outer, inner }: { outer: Rect; inner: Rect | null }) {
  return (
    <path
      d={rectPath(outer) + (inner ? rectPath(inner) : '')}
      fillRule="evenodd"
      fill="currentColor"
      fillOpacity={0.12}
      stroke="currentColor"
      strokeWidth={1.25}
      {...NON_SCALING}
    />
  );
}

function Box({ rect, opacity = 0.12, width = 1 }: { rect: Rect; opacity?: number; width?: number }) {
  return (
    <rect
      x={rect.x}
      y={rect.y}
      width={rect.width}
      height={rect.height}
      fill="currentColor"
      fillOpacity={opacity}
      stroke="currentColor"
      strokeWidth={width}
      {...NON_SCALING}
    />
  );
}

function Sash({ sash }: { sash: SchemeSash }) {
  return (
    <g>
      {sash.sash ? <Profile outer={sash.sash} inner={sash.glass} /> : null}
      <Box rect={sash.glass} opacity={0.04} width={0.75} />
      {sash.panel ? <Box rect={sash.panel} opacity={0.06} /> : null}
      {sash.symbols.map((symbol, i) => (
        <path
          key={i}
          data-symbol={symbol.kind}
          d={symbol.polylines.map((line) => line.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('')).join('')}
          fill="none"
          stroke="currentColor"
          strokeWidth={1}
          strokeLinejoin="round"
          {...NON_SCALING}
        />
      ))}
      {sash.handle ? (
        <line {...sash.handle} stroke="currentColor" strokeWidth={3} strokeLinecap="round" {...NON_SCALING} />
      ) : null}
    </g>
  );
}

function DimensionLine({ dim }: { dim: Dimension }) {
  const { label } = dim;
  return (
    <g data-dimension={`${dim.axis}-${dim.role}`}>
      <line {...dim.line} strokeWidth={0.75} {...NON_SCALING} />
      {dim.extensions.map((s, i) => (
        <line key={`e${i}`} {...s} strokeWidth={0.5} {...NON_SCALING} />
      ))}
      {dim.ticks.map((s, i) => (
        <line key={`t${i}`} {...s} strokeWidth={1.25} {...NON_SCALING} />
      ))}
      <text
        x={label.x}
        y={label.y}
        fontSize={label.fontSize}
        textAnchor="middle"
        fill="currentColor"
        stroke="none"
        transform={label.rotate ? `rotate(${label.rotate} ${label.x} ${label.y})` : undefined}
      >
        {dim.valueMm}
      </text>
    </g>
  );
}

/** The scheme of one construction, as seen from inside, with its sizes in mm. */
export function ConstructionScheme({ item, title, className }: Props) {
  const titleId = `${useId()}-title`;
  const layout = layoutScheme(item);
  const { viewBox: vb } = layout;
  return (
    <svg
      viewBox={`${vb.x} ${vb.y} ${vb.width} ${vb.height}`}
      role="img"
      aria-labelledby={titleId}
      className={`block h-auto w-full ${className ?? 'max-h-96'}`}
    >
      <title id={titleId}>{title}</title>
      <Profile outer={layout.frame.outer} inner={layout.frame.inner} />
      {layout.threshold ? <Box rect={layout.threshold} opacity={0.6} /> : null}
      {layout.rollerBox ? <Box rect={layout.rollerBox} /> : null}
      {layout.slats.map((s, i) => (
        <line key={i} {...s} stroke="currentColor" strokeWidth={0.5} {...NON_SCALING} />
      ))}
      {layout.mullions.map((m, i) => (
        <Box key={`m${i}`} rect={m} />
      ))}
      {layout.transoms.map((t, i) => (
        <Box key={`t${i}`} rect={t} />
      ))}
      <g stroke="currentColor" strokeOpacity={0.45}>
        {layout.hatch.map((s, i) => (
          <line key={i} {...s} strokeWidth={0.5} {...NON_SCALING} />
        ))}
      </g>
      {layout.sashes.map((sash, i) => (
        <Sash key={i} sash={sash} />
      ))}
      <g stroke="currentColor" opacity={0.85}>
        {layout.dimensions.map((dim, i) => (
          <DimensionLine key={i} dim={dim} />
        ))}
      </g>
    </svg>
  );
}
