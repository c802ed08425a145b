import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PayerBadge } from '@/components/ui/payer-badge';
import { StatusChip } from '@/components/ui/status-chip';
import type { DeskClaim } from '@/lib/claims/queries';
import { formatAge } from './duration';
import { SlaClock } from './sla-clock';

export function claimHref(number: string): string {
  return `/claims/${encodeURIComponent(number)}`;
}

/** A coloured edge on the row's first cell: red past an SLA deadline, amber near one. */
const EDGE = { past: 'border-l-red-600', near: 'border-l-amber-500', ok: 'border-l-transparent' } as const;

const CELL = 'min-w-0 xl:table-cell xl:px-3 xl:py-2.5 xl:align-top';
const LABEL = 'block text-xs text-slate-600 xl:hidden';

/**
 * The claims desk's open claims, nearest deadline first: one table that is a table next to the
 * side menu on wide screens (from `xl`) and a card per claim on narrower ones, so a phone never
 * scrolls sideways. Each claim opens its page.
 */
export async function DeskQueue({ claims, now }: { claims: DeskClaim[]; now: Date }) {
  const t = await getTranslations('claimsHome');
  const tCategory = await getTranslations('claimCategory');
  return (
    <div className="xl:overflow-hidden xl:rounded-2xl xl:border xl:border-slate-200 xl:bg-white">
      <table className="block w-full text-left text-sm xl:table" data-testid="claims-queue">
        <caption className="sr-only">{t('listLabel')}</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase xl:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2">{t('number')}</th>
            <th scope="col" className="px-3 py-2">{t('dealer')}</th>
            <th scope="col" className="px-3 py-2">{t('order')}</th>
            <th scope="col" className="px-3 py-2">{t('status')}</th>
            <th scope="col" className="px-3 py-2">{t('age')}</th>
            <th scope="col" className="px-3 py-2">{t('firstResponse')}</th>
            <th scope="col" className="px-3 py-2">{t('decision')}</th>
            <th scope="col" className="px-3 py-2">{t('assignee')}</th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 xl:table-row-group xl:divide-y xl:divide-slate-100">
          {claims.map((claim) => (
            <tr
              key={claim.number}
              data-number={claim.number}
              data-tone={claim.deadline}
              className={`relative grid grid-cols-2 gap-x-3 gap-y-2.5 rounded-2xl border border-l-4 border-slate-200 bg-white p-3.5 hover:bg-slate-50 xl:table-row xl:rounded-none xl:border-0 xl:p-0 ${EDGE[claim.deadline]}`}
            >
              <td className={`${CELL} xl:border-l-4 ${EDGE[claim.deadline]}`}>
                <Link
                  href={claimHref(claim.number)}
                  prefetch={false}
                  className="font-semibold text-brand-800 tabular-nums underline-offset-2 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600"
                >
                  {claim.number}
                </Link>
                <span className="block text-slate-700">{tCategory(claim.category)}</span>
              </td>
              <td className={`${CELL} col-span-2 row-start-2 xl:col-auto`}>
                <span className="block font-medium">{claim.dealerName}</span>
                <span className="flex flex-wrap items-center gap-2 text-xs whitespace-nowrap text-slate-600">
                  {claim.dealerCode} <PayerBadge category={claim.payerCategory} />
                </span>
              </td>
              <td className={`${CELL} tabular-nums`}>
                <span className={LABEL}>{t('order')}</span>
                <span className="whitespace-nowrap">{claim.orderNumber}</span>
                <span className="block text-xs text-slate-600">
                  {claim.itemPosition === null ? claim.plantCode : t('positionAtPlant', { position: claim.itemPosition, plant: claim.plantCode })}
                </span>
              </td>
              <td className={`${CELL} col-start-2 row-start-1 justify-self-end xl:justify-self-auto`}>
                <StatusChip kind="claim" status={claim.status} />
              </td>
              <td className={`${CELL} whitespace-nowrap tabular-nums`} data-testid="claim-age">
                <span className={LABEL}>{t('age')}</span>
                {formatAge(t, claim.createdAt, now)}
              </td>
              <td className={CELL}>
                <span className={LABEL}>{t('firstResponse')}</span>
                <SlaClock kind="first" clock={claim.firstResponse} doneAt={claim.firstResponseAt} />
              </td>
              <td className={CELL}>
                <span className={LABEL}>{t('decision')}</span>
                <SlaClock kind="decision" clock={claim.decision} doneAt={claim.decidedAt} />
              </td>
              <td className={`${CELL} col-span-2 xl:col-auto`}>
                <span className={LABEL}>{t('assignee')}</span>
                {claim.assigneeName ? (
                  <span className={claim.mine ? 'font-semibold text-brand-800' : ''}>{claim.mine ? t('you') : claim.assigneeName}</span>
                ) : (
                  <span className="text-slate-600">{t('nobody')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
