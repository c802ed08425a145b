import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/enums';
import { UserFilters } from '@/components/factory-users/user-filters';
import { UserList } from '@/components/factory-users/user-list';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatNumber } from '@/lib/i18n/format';
import { listUsers } from '@/lib/users/queries';
import { userListFilterFromSearchParams, userListHref } from '@/lib/users/schemas';

const BASE = '/factory/users';
const PAGER = 'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryUsers'))('title') };
}

/** Every portal user, searchable and filtered by role and state (administrators). */
export default async function FactoryUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'users.manage')) redirect('/factory');
  // Whatever in the URL is not understood is left out: a stale or edited link still opens the
  // list, under its clean address (the filter form also sends its empty fields).
  const params = await searchParams;
  const filter = userListFilterFromSearchParams(params);
  const canonical = userListHref(BASE, filter);
  const received = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => [value ?? ''].flat().map((v) => [key, v]))).toString();
  if (canonical !== (received ? `${BASE}?${received}` : BASE)) redirect(canonical);
  const [t, locale, list] = await Promise.all([getTranslations('factoryUsers'), getLocale() as Promise<Locale>, listUsers(getDb(), actor, filter)]);
  if (list.total > 0 && list.rows.length === 0 && filter.page > 1) redirect(userListHref(BASE, { ...filter, page: 1 }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
  const pageLink = (page: number) => userListHref(BASE, { ...filter, page });
  const filtered = Boolean(filter.q || filter.role || filter.state);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
        </div>
        <Link href={`${BASE}/new`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800" data-testid="new-user">
          {t('newUser')}
        </Link>
      </div>
      <UserFilters base={BASE} filter={filter} />
      {list.total === 0 ? (
        <div className="flex flex-col items-start gap-2 rounded-2xl border border-slate-200 bg-white p-6 text-slate-600" data-testid="users-empty">
          <p>{t(filtered ? 'noMatch' : 'empty')}</p>
          {filtered ? (
            <Link href={BASE} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="users-summary">
            {t('summary', { first: formatNumber(first, locale), last: formatNumber(first + list.rows.length - 1, locale), total: formatNumber(list.total, locale) })}
          </p>
          <UserList users={list.rows} actorId={actor.userId} />
          {pages > 1 ? (
            <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-center gap-2">
              {list.page > 1 ? (
                <Link href={pageLink(list.page - 1)} prefetch={false} className={PAGER}>
                  {t('previous')}
                </Link>
              ) : null}
              <span className="text-sm text-slate-600">{t('pageOf', { page: list.page, pages })}</span>
              {list.page < pages ? (
                <Link href={pageLink(list.page + 1)} prefetch={false} className={PAGER} data-testid="next-page">
                  {t('next')}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
