import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { MailDetail } from '@/lib/mail/queries';
import { ImportantMark, MailStateChip } from './mail-state-chip';
import { RetryMailButton } from './retry-mail-button';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/;

/** The plain-text part with its addresses as links (a dev follows an invitation from here). */
function LinkedText({ text }: { text: string }) {
  return (
    <pre className="overflow-x-auto rounded-xl border border-slate-200 bg-slate-50 p-3 font-sans text-sm leading-relaxed break-words whitespace-pre-wrap" data-testid="mail-text">
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-brand-700 underline underline-offset-2" data-testid="mail-link">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/**
 * The HTML part in a sandboxed frame: no scripts, no access to the portal; links open in a new
 * tab (the frame's base target).
 */
function HtmlPreview({ html, title }: { html: string; title: string }) {
  const doc = html.includes('<head>') ? html.replace('<head>', '<head><base target="_blank">') : `<base target="_blank">${html}`;
  return (
    <iframe
      title={title}
      srcDoc={doc}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white"
      data-testid="mail-html"
    />
  );
}

export async function MailView({ mail }: { mail: MailDetail }) {
  const [t, locale] = await Promise.all([getTranslations('mailbox'), getLocale() as Promise<Locale>]);
  const when = (d: Date) => formatDateTime(d, locale);
  const facts: [string, string][] = [
    [t('to'), mail.toAddress],
    [t('kind'), t.has(`kinds.${mail.kind}`) ? t(`kinds.${mail.kind}`) : mail.kind],
    [t('language'), mail.locale],
    [t('attempts'), String(mail.attempts)],
    [t('created'), when(mail.createdAt)],
  ];
  if (mail.sentAt) facts.push([t('sent'), when(mail.sentAt)]);
  if (mail.state === 'pending') facts.push([t('nextAttempt'), when(mail.nextAttemptAt)]);
  if (mail.transport) facts.push([t('transport'), t.has(`transports.${mail.transport}`) ? t(`transports.${mail.transport}`) : mail.transport]);
  if (mail.messageId) facts.push([t('messageId'), mail.messageId]);
  return (
    <article className="flex min-w-0 flex-col gap-4" data-testid="mail-view" data-kind={mail.kind}>
      <header className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold break-words md:text-2xl" data-testid="mail-subject">
          {mail.subject}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <MailStateChip state={mail.state} />
          {mail.importance === 'critical' ? <ImportantMark /> : null}
        </div>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-2xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="min-w-0 break-all text-slate-900">{value}</dd>
          </div>
        ))}
        {mail.lastError ? (
          <div className="contents">
            <dt className="font-medium text-slate-600">{t('lastError')}</dt>
            <dd className="min-w-0 break-words text-red-800" data-testid="mail-last-error">
              {mail.lastError}
            </dd>
          </div>
        ) : null}
      </dl>
      {mail.state === 'failed' ? <RetryMailButton mailId={mail.id} back={`/factory/mail/${mail.id}`} /> : null}
      {mail.cleared ? (
        <p className="rounded-xl border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="mail-cleared">
          {t('cleared')}
        </p>
      ) : (
        <>
          <section className="flex flex-col gap-2">
            <h2 className="text-base font-semibold">{t('textPart')}</h2>
            <LinkedText text={mail.text} />
          </section>
          <section className="flex flex-col gap-2">
            <h2 className="text-base font-semibold">{t('htmlPart')}</h2>
            <HtmlPreview html={mail.html} title={t('htmlFrame')} />
          </section>
        </>
      )}
    </article>
  );
}
