import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { PayerBadge } from '@/components/ui/payer-badge';
import { StatusChip } from '@/components/ui/status-chip';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { SlaClocks } from './sla-clocks';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5" data-testid={testId}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Who, what and when at a glance, and the desk's two clocks. */
export async function ClaimHeader({ claim, viewerId, now }: { claim: ClaimDetail; viewerId: string; now: Date }) {
  const [t, tCategory, tKind] = await Promise.all([getTranslations('claimDesk'), getTranslations('claimCategory'), getTranslations('construction.kind')]);
  const locale = (await getLocale()) as Locale;
  const filedBy = claim.history.find((h) => h.from === null)?.actor ?? null;
  const orderHref = `/claims/orders/${encodeURIComponent(claim.order.number)}`;
  return (
    <header className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-header">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold tabular-nums md:text-2xl">{t('title', { number: claim.number })}</h1>
        <StatusChip kind="claim" status={claim.status} />
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t('header.category')} testId="claim-category">
          <span className="font-medium">{tCategory(claim.category)}</span>
        </Fact>
        <Fact label={t('header.dealer')} testId="claim-dealer">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{t('header.dealerValue', { name: claim.dealer.name, code: claim.dealer.code })}</span>
            <PayerBadge category={claim.dealer.payerCategory} />
          </span>
        </Fact>
        <Fact label={t('header.order')}>
          <Link href={orderHref} className="font-medium text-brand-700 underline-offset-2 hover:underline" data-testid="claim-order-link">
            {claim.order.number}
          </Link>
        </Fact>
        <Fact label={t('header.construction')}>
          <span className="font-medium">
            {claim.item
              ? t('header.constructionValue', {
                  position: claim.item.position,
                  name: claim.item.name,
                  kind: tKind(claim.item.kind),
                  width: formatNumber(claim.item.widthMm, locale),
                  height: formatNumber(claim.item.heightMm, locale),
                })
              : claim.itemPosition !== null
                ? t('header.positionOnly', { position: claim.itemPosition })
                : t('header.wholeOrder')}
          </span>
        </Fact>
        <Fact label={t('header.filed')}>
          <time dateTime={claim.createdAt.toISOString()} className="tabular-nums">
            {formatDateTime(claim.createdAt, locale)}
          </time>
          {filedBy ? <span className="text-slate-600"> · {filedBy.name}</span> : null}
        </Fact>
        <Fact label={t('header.assignee')} testId="claim-assignee">
          <span className="font-medium">
            {claim.assignee ? (claim.assignee.id === viewerId ? t('header.you', { name: claim.assignee.name }) : claim.assignee.name) : t('header.nobody')}
          </span>
        </Fact>
      </dl>
      {claim.sla ? <SlaClocks status={claim.status} sla={claim.sla} now={now} /> : null}
    </header>
  );
}
