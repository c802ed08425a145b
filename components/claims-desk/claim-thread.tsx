import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { PhotoGrid } from './photo-grid';

type Props = {
  variant: 'public' | 'internal';
  messages: ClaimDetail['messages'];
  attachments: ClaimDetail['attachments'];
  /** The form to write in it, when the viewer may. */
  children?: React.ReactNode;
};

/**
 * The public thread with the dealer, or the desk's internal notes beside it: the same list,
 * unmistakably different. Notes are on amber with a lock and say who never sees them.
 */
export async function ClaimThread({ variant, messages, attachments, children }: Props) {
  const t = await getTranslations(variant === 'public' ? 'claimDesk.thread' : 'claimDesk.notes');
  const tSide = await getTranslations('claimDesk.side');
  const locale = (await getLocale()) as Locale;
  const internal = variant === 'internal';
  const headingId = internal ? 'claim-notes' : 'claim-thread';
  const list = messages.filter((m) => m.internal === internal);
  return (
    <section
      aria-labelledby={headingId}
      data-testid={internal ? 'claim-notes' : 'claim-thread'}
      className={`flex min-w-0 flex-col gap-3 rounded-2xl border p-4 md:p-5 ${internal ? 'border-2 border-dashed border-amber-400 bg-amber-50' : 'border-slate-200 bg-white'}`}
    >
      <div className="flex flex-col gap-1">
        <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
          {internal ? (
            <span className="inline-flex items-center gap-1 rounded-full bg-amber-200 px-2 py-0.5 text-xs font-bold tracking-wide text-amber-950 uppercase">
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="currentColor">
                <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
              </svg>
              {t('badge')}
            </span>
          ) : null}
          {t('title')}
        </h2>
        <p className={`text-sm ${internal ? 'font-medium text-amber-950' : 'text-slate-600'}`}>{t('hint')}</p>
      </div>
      {list.length === 0 ? (
        <p className={`text-sm ${internal ? 'text-amber-900' : 'text-slate-600'}`}>{t('empty')}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {list.map((m) => {
            const dealerSide = m.author?.side === 'dealer';
            const photos = attachments.filter((a) => a.messageId === m.id);
            return (
              <li
                key={m.id}
                data-testid={internal ? 'claim-note' : 'claim-message'}
                data-message={m.id}
                data-side={m.author?.side ?? 'unknown'}
                className={`flex min-w-0 flex-col gap-1.5 rounded-xl border p-3 ${
                  internal ? 'border-amber-300 bg-white' : dealerSide ? 'mr-6 border-slate-200 bg-slate-50' : 'ml-6 border-brand-100 bg-brand-50'
                }`}
              >
                <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
                  <span className="font-semibold text-slate-900">{m.author?.name ?? tSide('unknown')}</span>
                  <span>{m.author ? tSide(m.author.side) : null}</span>
                  <time dateTime={m.createdAt.toISOString()} className="tabular-nums">
                    {formatDateTime(m.createdAt, locale)}
                  </time>
                </p>
                <p className="text-sm break-words whitespace-pre-line">{m.body}</p>
                {photos.length ? <PhotoGrid photos={photos} label={t('photos')} /> : null}
              </li>
            );
          })}
        </ol>
      )}
      {children}
    </section>
  );
}
