'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ClaimCategory, Locale } from '@/drizzle/schema/values';
import { newIdempotencyKey } from '@/components/claims-dealer/api';
import { saveDraft } from '@/components/claims-dealer/claim-draft';
import { claimFailureSaid, claimFieldErrors } from '@/components/claims-dealer/claim-errors';
import { claimHref, newClaimHref } from '@/components/claims-dealer/links';
import { SECONDARY_BUTTON } from '@/components/claims-dealer/styles';
import { formatDateTime } from '@/lib/i18n/format';
import { discardItem, retryItem, type OutboxClaimItem, type OutboxState } from '@/lib/pwa/outbox';
import { markClaimEditing, useOutboxItems } from './outbox-store';

// Claims written offline, as the dealer's claims list and the claim form show them: waiting,
// on their way, sent (with the claim's link), or refused with the server's reason and a way to
// fix and send again.

const STATE_STYLE: Record<OutboxState, string> = {
  waiting: 'bg-amber-100 text-amber-950',
  sending: 'bg-sky-100 text-sky-950',
  sent: 'bg-emerald-100 text-emerald-950',
  failed: 'bg-red-100 text-red-900',
};

/** The section "Waiting to send" with the claims of the outbox; nothing when there are none. */
export function OutboxClaims({ orderNumber }: { orderNumber?: string }) {
  const t = useTranslations('outbox');
  const all = useOutboxItems();
  const items = (all ?? []).filter((i): i is OutboxClaimItem => i.kind === 'claim' && (!orderNumber || i.payload.body.orderNumber === orderNumber));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="outbox-claims-title" className="flex flex-col gap-2 rounded-2xl border border-amber-300 bg-amber-50/60 p-3.5 md:p-5" data-testid="outbox-claims">
      <h2 id="outbox-claims-title" className="font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <OutboxClaimCard key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function OutboxClaimCard({ item }: { item: OutboxClaimItem }) {
  const t = useTranslations('outbox');
  const te = useTranslations('claimsDealer.errors');
  const tCategory = useTranslations('claimCategory');
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [discarding, setDiscarding] = useState(false);
  const { body, photos } = item.payload;
  const filed = item.progress.claimNumber;
  const refused = item.state === 'failed' && item.error && !filed ? item.error : null;
  // The general reason, or when the fields say it all, what is wrong with each of them.
  const said = refused ? claimFailureSaid({ ok: false, ...refused }) : null;
  const fields = refused && !said ? Object.values(claimFieldErrors(refused.details)) : [];

  function edit() {
    // The form opens with the text as a draft of its own (a new key: the refused one filed
    // nothing), and takes the photos from this item, which goes once the form is sent.
    saveDraft(body.orderNumber, {
      key: newIdempotencyKey(),
      position: body.itemPosition ?? null,
      category: body.category as ClaimCategory,
      damageNoted: body.damageNotedOnDelivery === undefined ? '' : body.damageNotedOnDelivery ? 'yes' : 'no',
      description: body.description,
      customerAddress: body.customerAddress ?? '',
      customerContact: body.customerContact ?? '',
    });
    markClaimEditing(body.orderNumber, item.id);
    router.push(newClaimHref(body.orderNumber, body.itemPosition));
  }

  return (
    <li className="flex min-w-0 flex-col gap-1.5 rounded-xl border border-slate-200 bg-white px-3.5 py-3" data-testid="outbox-item" data-state={item.state} data-kind="claim">
      <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
        <span className="font-semibold tabular-nums">
          {body.itemPosition !== undefined ? t('claimOrderPosition', { order: body.orderNumber, position: body.itemPosition }) : t('claimOrder', { order: body.orderNumber })}
        </span>
        <span className={`rounded-sm px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[item.state]}`} data-testid="outbox-item-state">
          {t(`state.${item.state}`)}
        </span>
      </span>
      <span className="text-sm font-medium text-slate-800">{tCategory(body.category as ClaimCategory)}</span>
      <span className="line-clamp-2 text-sm break-words text-slate-700">{body.description}</span>
      <span className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
        <span>
          {item.progress.photosSent > 0 && item.state !== 'sent'
            ? t('photosSent', { sent: item.progress.photosSent, total: photos.length })
            : t('photos', { count: photos.length })}
        </span>
        <span>{t('savedAt', { time: formatDateTime(new Date(item.createdAt), locale) })}</span>
      </span>

      {item.state === 'failed' && item.error ? (
        <div className="flex flex-col gap-1 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900" role="alert" data-testid="outbox-item-error">
          {filed ? <p className="font-medium">{t('filedPhotoRefused', { number: filed })}</p> : null}
          {said ? <p className="font-medium">{te(said.key, said.values)}</p> : null}
          {fields.map((field) => (
            <p key={field.key} className="font-medium">
              {te(field.key, field.values)}
            </p>
          ))}
          <p className="break-words">{t('serverSaid', { message: item.error.message })}</p>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {filed && (item.state === 'sent' || item.state === 'failed') ? (
          <Link href={claimHref(filed)} className={SECONDARY_BUTTON} data-testid="outbox-item-open">
            {t('openClaim', { number: filed })}
          </Link>
        ) : null}
        {item.state === 'failed' && !filed ? (
          <button type="button" className={SECONDARY_BUTTON} onClick={edit} data-testid="outbox-item-edit">
            {t('edit')}
          </button>
        ) : null}
        {item.state === 'failed' && filed ? (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => void retryItem(item.id)} data-testid="outbox-item-retry">
            {t('retry')}
          </button>
        ) : null}
        {item.state === 'failed' ? (
          <button
            type="button"
            className={`${SECONDARY_BUTTON} ${discarding ? 'border-red-400 text-red-800' : ''}`}
            onClick={() => (discarding ? void discardItem(item.id) : setDiscarding(true))}
            data-testid="outbox-item-discard"
          >
            {discarding ? t('discardSure') : t('discard')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
