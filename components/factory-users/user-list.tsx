import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DesktopTable } from '@/components/ui/desktop-table';
import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { UserRow } from '@/lib/users/queries';
import { UserStateChip } from './state-chip';

export function userHref(id: string): string {
  return `/factory/users/${id}`;
}

/**
 * A page of users: a card each on phones and tablets, a table on desktops (from `xl`, next to the
 * side menu). Each opens the user's page.
 */
export async function UserList({ users, actorId }: { users: UserRow[]; actorId: string }) {
  const [t, tRoles, locale] = await Promise.all([getTranslations('factoryUsers'), getTranslations('roles'), getLocale() as Promise<Locale>]);
  const lastSignIn = (user: UserRow) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('neverSignedIn'));
  const dealer = (user: UserRow) => (user.dealerCode ? `${user.dealerCode} · ${user.dealerName ?? ''}` : null);
  return (
    <>
      <ul className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:hidden" aria-label={t('listLabel')} data-testid="user-cards">
        {users.map((user) => (
          <li key={user.id}>
            <Link
              href={userHref(user.id)}
              prefetch={false}
              data-testid="user-card"
              data-email={user.email}
              className="flex h-full min-w-0 flex-col gap-1.5 rounded-2xl border border-slate-200 bg-white px-3.5 py-3 hover:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
            >
              <span className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                <span className="min-w-0 font-semibold break-words">
                  {user.name}
                  {user.id === actorId ? <span className="font-normal text-slate-600"> ({t('you')})</span> : null}
                </span>
                <UserStateChip state={user.state} />
              </span>
              <span className="text-sm break-all text-slate-700">{user.email}</span>
              <span className="flex flex-wrap justify-between gap-x-3 text-sm text-slate-700">
                <span>{tRoles(user.role)}</span>
                {dealer(user) ? <span className="min-w-0 truncate">{dealer(user)}</span> : null}
              </span>
              <span className="text-xs text-slate-600">{t('lastSignInOn', { date: lastSignIn(user) })}</span>
            </Link>
          </li>
        ))}
      </ul>

      <DesktopTable
        testId="user-table"
        caption={t('listLabel')}
        cellPadding="px-2"
        columns={[{ label: t('name') }, { label: t('email') }, { label: t('role') }, { label: t('dealer') }, { label: t('stateLabel') }, { label: t('lastSignIn') }]}
      >
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            // The name's link covers the whole row (its ::after), so any click on the row opens the user.
            <tr key={user.id} data-email={user.email} className="relative hover:bg-slate-50">
              <th scope="row" className="px-2 py-2.5 font-semibold">
                <Link
                  href={userHref(user.id)}
                  prefetch={false}
                  className="text-brand-700 underline-offset-2 after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-brand-600"
                >
                  {user.name}
                </Link>
                {user.id === actorId ? <span className="font-normal text-slate-600"> ({t('you')})</span> : null}
              </th>
              <td className="max-w-64 truncate px-2 py-2.5" title={user.email}>
                {user.email}
              </td>
              <td className="px-2 py-2.5 whitespace-nowrap">{tRoles(user.role)}</td>
              <td className="max-w-56 truncate px-2 py-2.5" title={dealer(user) ?? undefined}>
                {dealer(user) ?? <span className="text-slate-600">—</span>}
              </td>
              <td className="px-2 py-2.5">
                <UserStateChip state={user.state} />
              </td>
              <td className="px-2 py-2.5 whitespace-nowrap">{lastSignIn(user)}</td>
            </tr>
          ))}
        </tbody>
      </DesktopTable>
    </>
  );
}
