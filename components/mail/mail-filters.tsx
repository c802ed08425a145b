import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MailCounts } from '@/lib/mail/queries';
import { MAIL_FILTERS, type MailFilter } from '@/lib/mail/schemas';

export function mailListHref(filter: MailFilter, before?: number): string {
  const params = new URLSearchParams();
  if (filter !== 'all') params.set('state', filter);
  if (before) params.set('before', String(before));
  const query = params.toString();
  return `/factory/mail${query ? `?${query}` : ''}`;
}

function countOf(filter: MailFilter, counts: MailCounts): number {
  if (filter === 'pending') return counts.pending + counts.sending;
  if (filter === 'all') return counts.pending + counts.sending + counts.sent + counts.failed;
  return counts[filter];
}

/** The states to show, as links with their counts (the page's URL keeps the choice). */
export function MailFilters({ current, counts }: { current: MailFilter; counts: MailCounts }) {
  const t = useTranslations('mailbox');
  return (
    <nav aria-label={t('filterLabel')} className="flex flex-wrap gap-2" data-testid="mail-filters">
      {MAIL_FILTERS.map((filter) => {
        const active = filter === current;
        const alarm = filter === 'failed' && counts.failed > 0;
        return (
          <Link
            key={filter}
            href={mailListHref(filter)}
            prefetch={false}
            aria-current={active ? 'page' : undefined}
            data-filter={filter}
            className={`inline-flex min-h-11 items-center gap-1.5 rounded-full border px-4 text-sm font-medium ${
              active ? 'border-brand-700 bg-brand-700 text-white' : alarm ? 'border-red-300 bg-red-50 text-red-800 hover:bg-red-100' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
            }`}
          >
            {t(`filters.${filter}`)}
            <span className={active ? 'text-white/80' : 'text-slate-600'}>{countOf(filter, counts)}</span>
          </Link>
        );
      })}
    </nav>
  );
}
