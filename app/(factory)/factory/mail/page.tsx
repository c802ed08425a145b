import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MailFilters, mailListHref } from '@/components/mail/mail-filters';
import { MailList } from '@/components/mail/mail-list';
import { NoSmtpBanner, RetryAnswer } from '@/components/mail/mail-notices';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listMails } from '@/lib/mail/queries';
import { mailCursorSchema, mailFilterSchema } from '@/lib/mail/schemas';
import { smtpConfigured } from '@/lib/mail/transport';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailbox'))('title') };
}

const PAGER = 'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100';

/** Every outgoing mail, newest first, by state; the dev mailbox when no SMTP server is configured. */
export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'mail.view')) redirect('/factory');
  const params = await searchParams;
  const filter = mailFilterSchema.parse(params.state);
  const before = mailCursorSchema.parse(params.before);
  const [t, page] = await Promise.all([getTranslations('mailbox'), listMails(getDb(), actor, { filter, before })]);
  const { counts } = page;
  const back = mailListHref(filter, before);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold md:text-2xl">
          {t('title')}
          {counts.failed > 0 ? (
            <span className="rounded-full bg-red-700 px-2.5 py-0.5 text-sm font-bold text-white" data-testid="mail-failed-count">
              {t('filters.failed')}: {counts.failed}
            </span>
          ) : null}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {smtpConfigured() ? null : <NoSmtpBanner />}
      <RetryAnswer value={typeof params.retry === 'string' ? params.retry : undefined} />
      {counts.failed > 0 && filter !== 'failed' ? (
        <p role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="mail-failed-notice">
          {t('failedNotice', { count: counts.failed })}
          <Link href={mailListHref('failed')} className="inline-flex min-h-11 items-center font-semibold underline underline-offset-2">
            {t('showFailed')}
          </Link>
        </p>
      ) : null}
      <MailFilters current={filter} counts={counts} />
      {page.rows.length === 0 ? (
        <EmptyNotice testId="mail-empty" clear={filter === 'all' ? undefined : { href: mailListHref('all'), label: t('showAll') }}>
          <p className="text-slate-600">{t(filter === 'all' && !before ? 'empty' : 'noMatch')}</p>
        </EmptyNotice>
      ) : (
        <MailList rows={page.rows} back={back} />
      )}
      {before || page.nextCursor ? (
        <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-center gap-2">
          {before ? (
            <Link href={mailListHref(filter)} prefetch={false} className={PAGER}>
              {t('newest')}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={mailListHref(filter, page.nextCursor)} prefetch={false} className={PAGER} data-testid="mail-older">
              {t('older')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
