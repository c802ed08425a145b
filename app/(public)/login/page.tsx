import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
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
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-800 to-brand-900 px-4 py-6">
      <div className="flex justify-end">
        <LocaleSwitcher />
      </div>
      <div className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center gap-6">
        <div className="text-center text-white">
          <p className="text-sm tracking-wide text-brand-100 uppercase">{t('common.factoryName')}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t('common.appName')}</h1>
        </div>
        <section className="rounded-2xl bg-white p-6 shadow-xl">
          <h2 className="mb-1 text-lg font-semibold">{t('auth.title')}</h2>
          <p className="mb-5 text-sm text-slate-600">{t('auth.subtitle')}</p>
          <LoginForm callbackUrl={first(params.callbackUrl)} initialError={first(params.error)} />
        </section>
        <p className="text-center text-xs text-brand-100">{t('auth.help')}</p>
      </div>
    </main>
  );
}
