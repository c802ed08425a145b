import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { resolutionInWords } from './resolution-summary';
import { claimTimeline, type TimelineEntry } from './timeline';

const DOT: Record<TimelineEntry['kind'], string> = {
  status: 'bg-brand-700',
  message: 'bg-slate-400',
  assignment: 'bg-violet-600',
  photos: 'bg-slate-400',
};

/** Everything that happened to the claim, oldest first, from its history and the audit log. */
export async function ClaimHistory({ claim }: { claim: ClaimDetail }) {
  const t = await getTranslations('claimDesk.history');
  const tSide = await getTranslations('claimDesk.side');
  const locale = (await getLocale()) as Locale;
  const entries = claimTimeline(claim);
  const decision = claim.resolution ? await resolutionInWords(claim.resolution, claim.order.currency) : null;
  const who = (actor: { name: string; side: 'dealer' | 'factory' } | null) => (actor ? t('who', { name: actor.name, side: tSide(actor.side) }) : tSide('unknown'));

  function describe(entry: TimelineEntry): { title: string; detail: string | null; internal?: boolean } {
    switch (entry.kind) {
      case 'status':
        return {
          title: t(`move.${entry.move}`, { who: who(entry.actor) }),
          detail:
            entry.move === 'approved' && decision
              ? [decision, claim.resolution?.partial ? t('partial') : null, entry.comment].filter(Boolean).join(' · ')
              : entry.comment,
        };
      case 'message':
        return {
          title: t(entry.internal ? 'note' : 'message', { who: who(entry.actor), count: entry.photos }),
          detail: entry.body.length > 160 ? `${entry.body.slice(0, 157)}…` : entry.body,
          internal: entry.internal,
        };
      case 'assignment':
        return {
          title: entry.automatic
            ? t('assignedAuto', { name: entry.assigneeName ?? tSide('unknown') })
            : entry.taken
              ? t('assignedTaken', { name: entry.assigneeName ?? tSide('unknown') })
              : t('assignedBy', { name: entry.assigneeName ?? tSide('unknown'), by: entry.byName ?? tSide('unknown') }),
          detail: null,
        };
      case 'photos':
        return { title: t('photos', { count: entry.count }), detail: null };
    }
  }

  return (
    <section aria-labelledby="claim-history" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="claim-history" className="text-base font-semibold">
        {t('title')}
      </h2>
      <ol className="mt-3 flex flex-col" data-testid="claim-history">
        {entries.map((entry, i) => {
          const { title, detail, internal } = describe(entry);
          return (
            <li key={i} className="relative flex gap-3 pb-4 last:pb-0" data-kind={entry.kind} data-move={entry.kind === 'status' ? entry.move : undefined}>
              <span aria-hidden="true" className="relative flex w-3 shrink-0 justify-center">
                <span className={`mt-1.5 h-2.5 w-2.5 rounded-full ${internal ? 'bg-amber-500' : DOT[entry.kind]}`} />
                {i < entries.length - 1 ? <span className="absolute top-5 bottom-[-0.25rem] w-px bg-slate-200" /> : null}
              </span>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium break-words">{title}</span>
                  {entry.kind === 'status' ? <StatusChip kind="claim" status={entry.to} /> : null}
                  {internal ? <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs font-bold text-amber-950 uppercase">{t('internal')}</span> : null}
                </div>
                <time dateTime={entry.at.toISOString()} className="text-xs text-slate-600 tabular-nums">
                  {formatDateTime(entry.at, locale)}
                </time>
                {detail ? <p className="text-sm break-words whitespace-pre-line text-slate-800">{detail}</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
