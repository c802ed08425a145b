import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatNumber } from '@/lib/i18n/format';
import { orderHref } from './links';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-1 gap-0.5 border-t border-slate-100 py-2 first:border-t-0 first:pt-0 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-3" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What the claim is about: the order and construction, the dealer's words, the end customer. */
export async function ClaimFacts({ claim }: { claim: ClaimDetail }) {
  const [t, tc, tOrder, locale] = await Promise.all([
    getTranslations('claimsDealer.detail'),
    getTranslations('construction'),
    getTranslations('orderDetail'),
    getLocale() as Promise<Locale>,
  ]);
  const item = claim.item;
  return (
    <section aria-labelledby="claim-facts" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="claim-facts" className="mb-3 text-base font-semibold">
        {t('factsTitle')}
      </h2>
      <dl>
        <Fact label={t('order')}>
          <Link href={orderHref(claim.order.number)} className="font-semibold text-brand-700 tabular-nums underline-offset-2 hover:underline" data-testid="claim-order-link">
            {t('orderValue', { number: claim.order.number })}
          </Link>
        </Fact>
        <Fact label={t('construction')} testId="claim-construction">
          {item ? (
            <>
              <span className="font-medium">
                {tOrder('position', { position: item.position })} · {item.name}
              </span>
              <span className="block text-sm text-slate-700">
                {tc(`kind.${item.kind}`)}, {tc('sizeValue', { width: formatNumber(item.widthMm, locale), height: formatNumber(item.heightMm, locale) })}
              </span>
            </>
          ) : claim.itemPosition !== null ? (
            tOrder('position', { position: claim.itemPosition })
          ) : (
            t('wholeOrder')
          )}
        </Fact>
        <Fact label={t('description')} testId="claim-description">
          <p className="whitespace-pre-line">{claim.description}</p>
        </Fact>
        {claim.category === 'transit_damage' && claim.damageNotedOnDelivery !== null ? (
          <Fact label={t('damageNoted')}>{claim.damageNotedOnDelivery ? t('damageNotedYes') : t('damageNotedNo')}</Fact>
        ) : null}
        <Fact label={t('customerAddress')}>{claim.customerAddress ?? <span className="text-slate-600">{t('notGiven')}</span>}</Fact>
        <Fact label={t('customerContact')}>{claim.customerContact ?? <span className="text-slate-600">{t('notGiven')}</span>}</Fact>
      </dl>
    </section>
  );
}
