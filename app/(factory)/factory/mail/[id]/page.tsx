import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MailView } from '@/components/mail/mail-view';
import { NoSmtpBanner, RetryAnswer } from '@/components/mail/mail-notices';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getMail } from '@/lib/mail/queries';
import { mailIdSchema } from '@/lib/mail/schemas';
import { smtpConfigured } from '@/lib/mail/transport';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mailbox'))('title') };
}

/** One mail: its facts, its plain text (links clickable) and its HTML in a sandboxed frame. */
export default async function MailDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'mail.view')) redirect('/factory');
  const id = mailIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [t, mail, query] = await Promise.all([getTranslations('mailbox'), getMail(getDb(), actor, id.data), searchParams]);
  if (!mail) notFound();
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Link href="/factory/mail" className="inline-flex min-h-11 items-center self-start font-medium text-brand-700 underline underline-offset-2">
        ← {t('back')}
      </Link>
      {smtpConfigured() ? null : <NoSmtpBanner />}
      <RetryAnswer value={typeof query.retry === 'string' ? query.retry : undefined} />
      <MailView mail={mail} />
    </div>
  );
}
