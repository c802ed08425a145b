import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { PayerBadge } from '@/components/ui/payer-badge';
import { StatusChip } from '@/components/ui/status-chip';
import type { DeskClaim } from '@/lib/claims/queries';
import { formatDateTime } from '@/lib/i18n/format';

const TONE_CLASS = { past: 'text-red-800 font-semibold', near: 'text-amber-800 font-semibold', ok: 'text-slate-700' };

/** The claims desk's open claims, nearest deadline first. */
export async function DeskQueue({ claims }: { claims: DeskClaim[] }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  if (claims.length === 0) {
    return <p className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-600">{t('claimsHome.empty')}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="claims-queue">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">{t('claimsHome.number')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.dealer')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.order')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.category')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.status')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.deadline')}</th>
            <th scope="col" className="px-4 py-2">{t('claimsHome.assignee')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {claims.map((claim) => {
            const tone = claim.deadline;
            return (
              <tr key={claim.number} data-tone={tone}>
                <td className="px-4 py-2.5 font-semibold tabular-nums">{claim.number}</td>
                <td className="px-4 py-2.5">
                  <div className="flex flex-col gap-1">
                    <span>{claim.dealerName}</span>
                    <span className="flex flex-wrap items-center gap-2 text-xs whitespace-nowrap text-slate-600">
                      {claim.dealerCode} <PayerBadge category={claim.payerCategory} />
                    </span>
                  </div>
                </td>
                <td className="px-4 py-2.5 tabular-nums">{claim.orderNumber}</td>
                <td className="px-4 py-2.5">{t(`claimCategory.${claim.category}`)}</td>
                <td className="px-4 py-2.5">
                  <StatusChip kind="claim" status={claim.status} />
                </td>
                <td className={`px-4 py-2.5 ${TONE_CLASS[tone]}`}>
                  {claim.decisionDueAt ? formatDateTime(claim.decisionDueAt, locale) : '—'}
                  {tone === 'past' ? <span className="block text-xs">{t('claimsHome.pastDueLabel')}</span> : null}
                </td>
                <td className="px-4 py-2.5">
                  {claim.assigneeName ? (
                    <span className={claim.mine ? 'font-semibold text-brand-800' : ''}>
                      {claim.mine ? t('claimsHome.you') : claim.assigneeName}
                    </span>
                  ) : (
                    <span className="text-slate-600">{t('claimsHome.nobody')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
