import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-600">{t('notFoundBody')}</p>
      <Link href="/" className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t('backHome')}
      </Link>
    </main>
  );
}
