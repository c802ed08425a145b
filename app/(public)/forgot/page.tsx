import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PublicFrame } from '@/components/shell/public-frame';
import { requestPasswordResetAction } from '@/lib/users/reset-request-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword.forgot'))('metaTitle'), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<{ sent?: string | string[]; error?: string | string[] }> };

const ERRORS = ['invalid', 'rate_limited'] as const;

/** Public: a reset link by e-mail. The answer is the same whether or not the address has an account. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  const t = await getTranslations('resetPassword.forgot');
  const error = ERRORS.find((e) => e === params.error);
  return (
    <PublicFrame>
      <h2 className="mb-1 text-lg font-semibold">{t('title')}</h2>
      <p className="mb-5 text-sm text-slate-600">{t('intro')}</p>
      {params.sent === '1' ? (
        <p role="status" className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="forgot-sent">
          {t('sent')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="forgot-error">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <form action={requestPasswordResetAction} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1.5">
          <span className="text-sm font-medium text-slate-700">{t('email')}</span>
          <input
            type="email"
            name="email"
            required
            maxLength={254}
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            className="min-h-12 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </label>
        <button type="submit" className="min-h-12 rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800">
          {t('submit')}
        </button>
      </form>
      <Link href="/login" className="mt-4 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
        {t('back')}
      </Link>
    </PublicFrame>
  );
}
