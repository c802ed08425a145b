import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** An unknown or malformed user id. */
export default async function UserNotFound() {
  const t = await getTranslations('factoryUsers');
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-5" data-testid="user-not-found">
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-700">{t('notFoundBody')}</p>
      <Link href="/factory/users" className="inline-flex min-h-11 items-center self-start rounded-lg border border-slate-300 px-4 font-medium text-slate-800 hover:bg-slate-100">
        {t('backToList')}
      </Link>
    </section>
  );
}
