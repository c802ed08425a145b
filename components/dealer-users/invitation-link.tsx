'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LinkMailed } from '@/lib/mail/link-mail';

const noSubscription = () => () => {};

/**
 * A just-made invitation link, shown once: selectable, a copy button and, on phones that can,
 * the system's share sheet (messengers). `mail`: where its e-mail went (or that it waits in the dev
 * mailbox when no mail server is configured).
 */
export function InvitationLink({ link, title, body, mail }: { link: string; title: string; body: string; mail?: LinkMailed }) {
  const t = useTranslations('dealerUsers');
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => false,
  );

  // A new link takes the reader's attention (and the screen reader's) at once.
  useEffect(() => {
    panel.current?.focus();
    panel.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [link]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  async function share() {
    try {
      await navigator.share({ title: t('shareText'), text: t('shareText'), url: link });
    } catch {
      // Closed without sharing: nothing to say.
    }
  }

  return (
    <div
      ref={panel}
      tabIndex={-1}
      data-testid="invitation-panel"
      className="flex w-full min-w-0 flex-col gap-2 rounded-xl xl:col-span-3 border border-amber-300 bg-amber-50 p-3 text-amber-950 focus:outline-none"
    >
      <p className="font-semibold break-words">{title}</p>
      <p className="text-sm break-words">{body}</p>
      {mail ? (
        <p className="text-sm break-words" data-testid="invitation-mail">
          {t(mail.mailbox ? 'mailInMailbox' : 'mailSent', { email: mail.to })}
        </p>
      ) : null}
      <label className="sr-only" htmlFor={`invitation-${link.slice(-8)}`}>
        {t('linkLabel')}
      </label>
      <input
        ref={input}
        id={`invitation-${link.slice(-8)}`}
        readOnly
        value={link}
        onFocus={(event) => event.currentTarget.select()}
        data-testid="invitation-link"
        className="min-h-11 w-full min-w-0 rounded-lg border border-amber-300 bg-white px-3 font-mono text-sm text-slate-900"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={copyLink}
          className="min-h-11 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t('copy')}
        </button>
        {canShare ? (
          <button
            type="button"
            onClick={share}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            {t('share')}
          </button>
        ) : null}
      </div>
      <p role="status" className="text-sm">
        {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
