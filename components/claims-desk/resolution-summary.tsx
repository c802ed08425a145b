import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDate, formatMoney } from '@/lib/i18n/format';

type Resolution = NonNullable<ClaimDetail['resolution']>;

/** How an approved claim is settled, in one sentence of the reader's language. */
export async function resolutionInWords(resolution: Resolution, currency: string): Promise<string> {
  const t = await getTranslations('claimDesk.resolution');
  const locale = (await getLocale()) as Locale;
  switch (resolution.kind) {
    case 'repair':
      return resolution.visitDate ? t('repairOn', { date: formatDate(resolution.visitDate, locale) }) : t('repair');
    case 'replacement':
      return t(resolution.scope === 'whole' ? 'replacementWhole' : 'replacementPart');
    case 'compensation':
      return resolution.amount ? t('compensationOf', { amount: formatMoney(resolution.amount, currency, locale) }) : t('compensation');
    case 'refund':
      return t('refund');
  }
}

/** The decision as the dealer was told it: the settlement, whether partial, and why. */
export async function ResolutionSummary({ resolution, currency }: { resolution: Resolution; currency: string }) {
  const t = await getTranslations('claimDesk.resolution');
  return (
    <section aria-labelledby="claim-resolution" className="rounded-2xl border border-green-200 bg-green-50 p-4 text-green-950" data-testid="claim-resolution" data-kind={resolution.kind}>
      <h2 id="claim-resolution" className="text-sm font-medium">
        {t('title')}
      </h2>
      <p className="mt-1 text-lg font-semibold break-words">{await resolutionInWords(resolution, currency)}</p>
      {resolution.partial ? <p className="mt-1 text-sm font-medium">{t('partial')}</p> : null}
      {resolution.kind === 'compensation' ? <p className="mt-1 text-sm">{t('ledger')}</p> : null}
      {resolution.comment ? <p className="mt-2 text-sm break-words whitespace-pre-line">{t('comment', { comment: resolution.comment })}</p> : null}
    </section>
  );
}
