import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';

/** Every move of the claim as a timeline, newest last: when, to what, by whom, and why. */
export async function ClaimHistory({ history }: { history: ClaimDetail['history'] }) {
  const [t, ts, locale] = await Promise.all([getTranslations('claimsDealer.history'), getTranslations('status.claim'), getLocale() as Promise<Locale>]);
  return (
    <section aria-labelledby="claim-history" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-history">
      <h2 id="claim-history" className="mb-3 text-base font-semibold">
        {t('title')}
      </h2>
      <ol className="flex flex-col">
        {history.map((h, i) => (
          <li key={i} className="relative flex gap-3 pb-4 last:pb-0" data-testid="history-entry" data-to={h.to}>
            <span aria-hidden="true" className="flex flex-col items-center">
              <span className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${i === history.length - 1 ? 'bg-brand-700' : 'bg-slate-400'}`} />
              {i < history.length - 1 ? <span className="mt-1 w-px flex-1 bg-slate-200" /> : null}
            </span>
            <div className="flex min-w-0 flex-col gap-0.5">
              <p className="font-medium">{h.from === null ? t('filed') : ts(h.to)}</p>
              <p className="text-xs text-slate-600">
                <time dateTime={h.at.toISOString()}>{formatDateTime(h.at, locale)}</time>
                {h.actor ? ` · ${h.actor.side === 'dealer' ? h.actor.name : t('deskActor', { name: h.actor.name })}` : ''}
              </p>
              {h.comment ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{h.comment}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
