import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { ConstructionScheme } from '@/components/orders/construction-scheme';
import { formatMoney, formatNumber } from '@/lib/i18n/format';
import { sashParts } from '@/lib/orders/detail';
import { parseGlazing } from '@/lib/orders/glazing';
import type { OrderItemDetail } from '@/lib/orders/queries';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 border-t border-slate-100 py-2 first:border-t-0 first:pt-0 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="min-w-0 font-medium break-words">{children}</dd>
    </div>
  );
}

/** The glazing as the factory wrote it, and below it the same formula in words, layer by layer. */
async function GlazingInWords({ text, locale }: { text: string; locale: Locale }) {
  const t = await getTranslations('construction.glazingWords');
  const glazing = parseGlazing(text);
  if (!glazing) return <>{text}</>;
  const mm = (value: number) => formatNumber(value, locale);
  const layers = glazing.layers.map((layer) => {
    if (layer.kind === 'gap') return `${t('gap', { mm: mm(layer.mm) })} ${t(layer.gas)}`;
    const pane = layer.laminated
      ? t('laminated', { a: mm(layer.laminated.sheetsMm[0]), b: mm(layer.laminated.sheetsMm[1]), films: layer.laminated.films })
      : t('pane', { mm: mm(layer.mm) });
    const kinds = [layer.tempered ? t('tempered') : null, layer.lowE ? t('lowE') : null].filter(Boolean);
    return kinds.length ? `${pane} (${kinds.join(', ')})` : pane;
  });
  return (
    <>
      <span>{t('summary', { panes: glazing.panes, total: mm(glazing.totalMm) })}</span>
      <ol aria-label={t('label')} className="mt-1 flex flex-col gap-0.5 text-sm font-normal text-slate-700" data-testid="glazing-layers">
        {layers.map((layer, i) => (
          <li key={i}>{layer}</li>
        ))}
      </ol>
      <span className="mt-1 block text-xs font-normal text-slate-600">{text}</span>
    </>
  );
}

/**
 * Photos the factory attached to the construction, as thumbnails that open full size (served by
 * /api/v1/attachments/{id}, which checks who may see them), or a quiet note that there are none yet.
 */
async function Photos({ photos }: { photos: OrderItemDetail['photos'] }) {
  const [t, tf] = await Promise.all([getTranslations('orderDetail'), getTranslations('files.photo')]);
  const locale = (await getLocale()) as Locale;
  if (photos.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 px-3 py-3 text-center text-sm text-slate-600" data-testid="no-photos">
        {t('noPhotos')}
      </p>
    );
  }
  return (
    <div data-testid="photos">
      <h4 className="text-sm font-semibold">{t('photosTitle')}</h4>
      <ul className="mt-1 grid grid-cols-3 gap-2 text-xs">
        {photos.map((photo) => (
          <li key={photo.id} className="flex min-w-0 flex-col gap-0.5">
            <a href={`/api/v1/attachments/${photo.id}`} target="_blank" rel="noopener" aria-label={tf('open', { name: photo.fileName })} className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- a private file behind the portal's own access check, not an optimisable page image */}
              <img
                src={`/api/v1/attachments/${photo.id}`}
                alt={photo.fileName}
                loading="lazy"
                decoding="async"
                className="aspect-square w-full rounded-lg bg-slate-100 object-cover"
              />
            </a>
            <span className="truncate">{photo.fileName}</span>
            {photo.widthPx && photo.heightPx ? (
              <span className="text-slate-600">
                {t('photoSize', { width: formatNumber(photo.widthPx, locale), height: formatNumber(photo.heightPx, locale) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One construction of the order: its drawing beside every parameter in full words. `claim`: the
 * link that files a claim about it (the dealer's shipped or delivered orders only).
 */
export async function DetailConstruction({ item, currency, claim }: { item: OrderItemDetail; currency: string; claim?: { href: string; label: string } }) {
  const [t, tc, locale] = await Promise.all([getTranslations('orderDetail'), getTranslations('construction'), getLocale() as Promise<Locale>]);
  const kind = tc(`kind.${item.kind}`);
  const width = formatNumber(item.widthMm, locale);
  const height = formatNumber(item.heightMm, locale);
  const parts = sashParts(item);
  const headingId = `construction-${item.position}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="order-construction"
      data-position={item.position}
      className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={headingId} className="min-w-0 text-base font-semibold break-words">
          {t('position', { position: item.position })} · {item.name}
        </h3>
        <p className="font-semibold tabular-nums">{formatMoney(item.lineTotal, currency, locale)}</p>
      </header>
      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-3">
          <div className="rounded-xl bg-slate-50 p-2 text-slate-800">
            <ConstructionScheme item={item} title={tc('schemeTitle', { kind, width, height })} className="mx-auto max-h-80" />
          </div>
          <Photos photos={item.photos} />
          {claim ? (
            <Link
              href={claim.href}
              className="inline-flex min-h-11 items-center justify-center rounded-lg border border-brand-700 px-4 text-sm font-medium text-brand-800 hover:bg-brand-50"
              data-testid="file-claim-construction"
            >
              {claim.label}
            </Link>
          ) : null}
        </div>
        <dl className="min-w-0">
          <Row label={tc('type')}>{kind}</Row>
          <Row label={tc('size')}>{tc('sizeValue', { width, height })}</Row>
          <Row label={tc('profile')}>{item.profile ?? tc('notSpecified')}</Row>
          <Row label={tc('glazing')}>{item.glazing ? <GlazingInWords text={item.glazing} locale={locale} /> : tc('notSpecified')}</Row>
          <Row label={tc('colour')}>{item.color ?? tc('notSpecified')}</Row>
          <Row label={tc('hardware')}>{item.hardware ?? tc('notSpecified')}</Row>
          {parts.length > 0 ? (
            <Row label={tc('sashes')}>
              <ul className="flex flex-col gap-1" data-testid="sashes">
                {parts.map((part) => {
                  const motion = tc(`motion.${part.motion}`);
                  return (
                    <li key={part.number} data-opening={part.opening}>
                      <span className="font-semibold">{tc(`part.${part.part}`, { number: part.number })}</span>
                      {', '}
                      <span className="font-normal">{tc('sashWidth', { width: formatNumber(part.widthMm, locale) })}</span>
                      {': '}
                      {part.hinges ? tc('openingWithHinges', { motion, hinges: tc(`hinges.${part.hinges}`) }) : motion}
                    </li>
                  );
                })}
              </ul>
            </Row>
          ) : null}
          <Row label={tc('extras')}>
            {item.extras.length > 0 ? (
              <ul className="list-disc pl-5">
                {item.extras.map((extra, i) => (
                  <li key={i}>{extra}</li>
                ))}
              </ul>
            ) : (
              tc('noExtras')
            )}
          </Row>
          <Row label={tc('quantity')}>{tc('quantityValue', { count: item.quantity })}</Row>
          <Row label={tc('price')}>
            <span className="tabular-nums">{formatMoney(item.price, currency, locale)}</span>
          </Row>
          <Row label={tc('lineTotal')}>
            <span className="tabular-nums">{formatMoney(item.lineTotal, currency, locale)}</span>
          </Row>
        </dl>
      </div>
    </article>
  );
}
