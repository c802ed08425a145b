import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DesktopTable } from '@/components/ui/desktop-table';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { MailRow } from '@/lib/mail/queries';
import { ImportantMark, MailStateChip } from './mail-state-chip';
import { RetryMailButton } from './retry-mail-button';

export function mailHref(id: number): string {
  return `/factory/mail/${id}`;
}

/**
 * A page of mails: a card each on phones and tablets, a table on desktops (from `xl`). Each opens
 * the mail; a failed one has "Send again" beside it.
 */
export async function MailList({ rows, back }: { rows: MailRow[]; back: string }) {
  const [t, locale] = await Promise.all([getTranslations('mailbox'), getLocale() as Promise<Locale>]);
  const kind = (k: string) => (t.has(`kinds.${k}`) ? t(`kinds.${k}`) : k);
  const when = (d: Date) => formatDateTime(d, locale);
  const LINK = 'text-brand-700 underline-offset-2 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600';
  return (
    <>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:hidden" aria-label={t('listLabel')} data-testid="mail-cards">
        {rows.map((mail) => (
          <li
            key={mail.id}
            data-testid="mail-card"
            data-kind={mail.kind}
            data-to={mail.toAddress}
            className={`relative flex h-full min-w-0 flex-col gap-1.5 rounded-2xl border bg-white px-3.5 py-3 ${mail.state === 'failed' ? 'border-red-300' : 'border-slate-200'} hover:border-brand-600`}
          >
            <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
              <span className="text-sm text-slate-700">{kind(mail.kind)}</span>
              <span className="flex items-center gap-1.5">
                {mail.importance === 'critical' ? <ImportantMark /> : null}
                <MailStateChip state={mail.state} />
              </span>
            </span>
            <Link href={mailHref(mail.id)} prefetch={false} className={`min-w-0 font-semibold break-words ${LINK}`}>
              {mail.subject}
            </Link>
            <span className="text-sm break-all text-slate-700">{mail.toAddress}</span>
            <span className="text-xs text-slate-600">
              {t('times', { created: when(mail.createdAt) })}
              {mail.sentAt ? ` · ${t('sentAt', { sent: when(mail.sentAt) })}` : ''} · {t('attemptsCount', { count: mail.attempts })}
            </span>
            {mail.lastError ? <span className="text-sm break-words text-red-800">{mail.lastError}</span> : null}
            {mail.state === 'failed' ? <RetryMailButton mailId={mail.id} back={back} /> : null}
          </li>
        ))}
      </ul>

      <DesktopTable
        testId="mail-table"
        caption={t('listLabel')}
        cellPadding="px-2"
        columns={[{ label: t('subject') }, { label: t('to') }, { label: t('kind') }, { label: t('state') }, { label: t('attempts'), align: 'right' }, { label: t('lastError') }, { label: t('created') }, { label: t('sent') }, { label: '' }]}
      >
        <tbody className="divide-y divide-slate-100">
          {rows.map((mail) => (
            <tr key={mail.id} data-testid="mail-row" data-kind={mail.kind} data-to={mail.toAddress} className={`relative hover:bg-slate-50 ${mail.state === 'failed' ? 'bg-red-50/40' : ''}`}>
              <th scope="row" className="max-w-96 min-w-64 px-2 py-2.5 font-semibold">
                <span className="flex items-start gap-1.5">
                  {mail.importance === 'critical' ? <ImportantMark /> : null}
                  <Link href={mailHref(mail.id)} prefetch={false} className={`break-words ${LINK}`}>
                    {mail.subject}
                  </Link>
                </span>
              </th>
              <td className="max-w-56 truncate px-2 py-2.5" title={mail.toAddress}>
                {mail.toAddress}
              </td>
              <td className="px-2 py-2.5 whitespace-nowrap">{kind(mail.kind)}</td>
              <td className="px-2 py-2.5">
                <MailStateChip state={mail.state} />
              </td>
              <td className="px-2 py-2.5 text-right tabular-nums">{mail.attempts}</td>
              <td className="max-w-64 truncate px-2 py-2.5 text-red-800" title={mail.lastError ?? undefined}>
                {mail.lastError ?? <span className="text-slate-600">—</span>}
              </td>
              <td className="px-2 py-2.5 whitespace-nowrap">{when(mail.createdAt)}</td>
              <td className="px-2 py-2.5 whitespace-nowrap">{mail.sentAt ? when(mail.sentAt) : <span className="text-slate-600">—</span>}</td>
              <td className="px-2 py-1.5">{mail.state === 'failed' ? <RetryMailButton mailId={mail.id} back={back} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </DesktopTable>
    </>
  );
}
