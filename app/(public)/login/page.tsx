import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { PublicFrame } from '@/components/shell/public-frame';
import { homeAreaOf } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor) redirect(`/${homeAreaOf(actor.role)}`);
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const t = await getTranslations('auth');
  return (
    <PublicFrame below={<p className="text-center text-xs text-brand-100">{t('help')}</p>}>
      <h2 className="mb-1 text-lg font-semibold">{t('title')}</h2>
      <p className="mb-5 text-sm text-slate-600">{t('subtitle')}</p>
      <LoginForm callbackUrl={first(params.callbackUrl)} initialError={first(params.error)} />
      <Link href="/forgot" prefetch={false} className="mt-4 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2" data-testid="forgot-link">
        {t('forgot')}
      </Link>
    </PublicFrame>
  );
}
