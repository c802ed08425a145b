import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { UserFilters } from '@/components/factory-users/user-filters';
import { UserList } from '@/components/factory-users/user-list';
import { EmptyNotice } from '@/components/ui/empty-notice';
import { PageNav } from '@/components/ui/page-nav';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { redirectToCleanUrl } from '@/lib/http/clean-url';
import { formatNumber } from '@/lib/i18n/format';
import { listUsers } from '@/lib/users/queries';
import { userListFilterFromSearchParams, userListHref } from '@/lib/users/schemas';

const BASE = '/factory/users';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryUsers'))('title') };
}

/** Every portal user, searchable and filtered by role and state (administrators). */
export default async function FactoryUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'users.manage')) redirect('/factory');
  const params = await searchParams;
  const filter = userListFilterFromSearchParams(params);
  redirectToCleanUrl(BASE, params, userListHref(BASE, filter));
  const [t, locale, list] = await Promise.all([getTranslations('factoryUsers'), getLocale() as Promise<Locale>, listUsers(getDb(), actor, filter)]);
  if (list.total > 0 && list.rows.length === 0 && filter.page > 1) redirect(userListHref(BASE, { ...filter, page: 1 }));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const first = (list.page - 1) * list.pageSize + 1;
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
        <EmptyNotice testId="users-empty" clear={filtered ? { href: BASE, label: t('clear') } : undefined}>
          <p className="text-slate-600">{t(filtered ? 'noMatch' : 'empty')}</p>
        </EmptyNotice>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status" data-testid="users-summary">
            {t('summary', { first: formatNumber(first, locale), last: formatNumber(first + list.rows.length - 1, locale), total: formatNumber(list.total, locale) })}
          </p>
          <UserList users={list.rows} actorId={actor.userId} />
          <PageNav
            page={list.page}
            pages={pages}
            hrefOf={(page) => userListHref(BASE, { ...filter, page })}
            labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page: list.page, pages }) }}
          />
        </>
      )}
    </div>
  );
}
