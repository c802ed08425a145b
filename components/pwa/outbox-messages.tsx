'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { textFailureSaid } from '@/components/claims-dealer/claim-errors';
import { discardItem, retryItem, type OutboxMessageItem, type OutboxState } from '@/lib/pwa/outbox';
import { useOutboxItems } from './outbox-store';

// The dealer's messages written offline, at the end of the claim's thread: waiting, on their way,
// or refused with the reason. Once one is sent the page is refreshed, and it leaves this list when
// the thread from the server shows it.

const STATE_STYLE: Record<OutboxState, string> = {
  waiting: 'text-amber-900',
  sending: 'text-sky-900',
  sent: 'text-emerald-900',
  failed: 'text-red-900',
};

export function OutboxMessages({ number, knownMessageIds, onEdit }: { number: string; knownMessageIds?: readonly number[]; onEdit: (text: string) => void }) {
  const t = useTranslations('outbox');
  const te = useTranslations('claimsDealer.errors');
  const router = useRouter();
  const all = useOutboxItems();
  const refreshed = useRef(new Set<string>());
  const items = (all ?? []).filter(
    (i): i is OutboxMessageItem =>
      i.kind === 'claim-message' &&
      i.payload.claimNumber === number &&
      // A sent one stays until the thread shows it (where the thread's messages are known).
      !(i.state === 'sent' && (knownMessageIds === undefined || i.progress.messageId === undefined || knownMessageIds.includes(i.progress.messageId))),
  );
  const sentIds = items.filter((i) => i.state === 'sent').map((i) => i.id);
  const sentKey = sentIds.join(',');

  useEffect(() => {
    const fresh = sentKey.split(',').filter((id) => id && !refreshed.current.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) refreshed.current.add(id);
    router.refresh();
  }, [sentKey, router]);

  if (items.length === 0) return null;
  return (
    <ol className="flex flex-col gap-3" aria-label={t('title')} data-testid="outbox-messages">
      {items.map((item) => {
        const said = item.state === 'failed' && item.error ? textFailureSaid({ ok: false, ...item.error }, 'body') : null;
        const reason = said ? (said.field ?? said.general) : null;
        return (
          <li
            key={item.id}
            className="flex max-w-[92%] min-w-0 flex-col gap-1 self-end rounded-2xl border border-dashed border-brand-300 bg-brand-50/60 px-3 py-2"
            data-testid="outbox-item"
            data-state={item.state}
            data-kind="claim-message"
          >
            <p className={`text-xs font-semibold ${STATE_STYLE[item.state]}`} data-testid="outbox-item-state">
              {t(`state.${item.state}`)}
              {item.payload.photos.length ? ` · ${t('photos', { count: item.payload.photos.length })}` : null}
            </p>
            <p className="break-words whitespace-pre-line">{item.payload.body}</p>
            {item.state === 'failed' && item.error ? (
              <div className="flex flex-col gap-1 text-sm text-red-900" role="alert" data-testid="outbox-item-error">
                {reason ? <p className="font-medium">{te(reason.key, reason.values)}</p> : null}
                <p className="break-words">{t('serverSaid', { message: item.error.message })}</p>
                <div className="flex flex-wrap gap-x-4">
                  {item.progress.messageId === undefined ? (
                    <button
                      type="button"
                      className="min-h-11 font-medium underline underline-offset-2"
                      onClick={() => {
                        onEdit(item.payload.body);
                        void discardItem(item.id);
                      }}
                    >
                      {t('message.edit')}
                    </button>
                  ) : null}
                  <button type="button" className="min-h-11 font-medium underline underline-offset-2" onClick={() => void retryItem(item.id)}>
                    {t('retry')}
                  </button>
                  <button type="button" className="min-h-11 font-medium underline underline-offset-2" onClick={() => void discardItem(item.id)} data-testid="outbox-item-discard">
                    {t('discard')}
                  </button>
                </div>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
