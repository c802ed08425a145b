import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { MessageComposer } from './message-composer';
import { PhotoThumbs } from './photo-thumbs';

/**
 * The conversation with the claims desk, oldest first: the dealer's words on the right, the
 * desk's on the left, each with its photos. The box to write in sits below, unless the claim is
 * closed, or waits for the dealer's answer (then the box is in the desk's question, at the top).
 */
export async function ClaimThread({ claim }: { claim: ClaimDetail }) {
  const [t, locale] = await Promise.all([getTranslations('claimsDealer.thread'), getLocale() as Promise<Locale>]);
  const photosOf = (messageId: number) => claim.attachments.filter((a) => a.messageId === messageId);
  const answering = claim.status === 'info_requested' && claim.moves.includes('answer');
  return (
    <section aria-labelledby="claim-thread" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-thread">
      <h2 id="claim-thread" className="text-base font-semibold">
        {t('title')}
      </h2>
      {claim.messages.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {claim.messages.map((m) => {
            const ours = m.author?.side === 'dealer';
            const photos = photosOf(m.id);
            return (
              <li
                key={m.id}
                className={`flex max-w-[92%] min-w-0 flex-col gap-1 rounded-2xl px-3 py-2 ${ours ? 'self-end bg-brand-50' : 'self-start bg-slate-100'}`}
                data-testid="claim-message"
                data-side={m.author?.side ?? 'factory'}
              >
                <p className="text-xs text-slate-600">
                  <span className="font-semibold text-slate-800">{m.author ? (ours ? m.author.name : t('deskAuthor', { name: m.author.name })) : t('desk')}</span>
                  {' · '}
                  <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
                </p>
                <p className="break-words whitespace-pre-line">{m.body}</p>
                {photos.length ? <PhotoThumbs photos={photos} testId="message-photo" /> : null}
              </li>
            );
          })}
        </ol>
      )}
      {claim.status === 'closed' ? (
        <p className="text-sm text-slate-600" data-testid="thread-closed">
          {t('closed')}
        </p>
      ) : answering ? (
        <p className="text-sm text-slate-600">{t('answerAbove')}</p>
      ) : (
        <div className="border-t border-slate-100 pt-3">
          <MessageComposer number={claim.number} mode="message" knownMessageIds={claim.messages.map((m) => m.id)} />
        </div>
      )}
    </section>
  );
}
