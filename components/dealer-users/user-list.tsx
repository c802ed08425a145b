import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { DealerUserRow, DealerUserStatus } from '@/lib/dealer-users/queries';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { UserActions } from './user-actions';

const CHIP: Record<DealerUserStatus, string> = {
  active: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  invited: 'border-dashed border-amber-400 bg-amber-50 text-amber-900',
  deactivated: 'border-slate-300 bg-slate-100 text-slate-700',
};

/** The dealer's users as cards on a phone and rows on a desktop; employees carry the owner's buttons. */
export async function DealerUserList({ users, actorId }: { users: DealerUserRow[]; actorId: string }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="dealer-users-title" className="rounded-2xl border border-slate-200 bg-white">
      <h2 id="dealer-users-title" className="px-4 pt-4 text-base font-semibold md:px-5">
        {t('dealerUsers.listTitle')}
      </h2>
      <ul className="mt-2 divide-y divide-slate-100" data-testid="dealer-users">
        {users.map((user) => {
          const self = user.id === actorId;
          // A pending invitation always has invitedAt; its newest link may have been spent already.
          const expiredOn = user.invitationExpiresAt ?? user.invitedAt;
          const detail =
            user.status === 'invited' && user.invitationLinkWorks && user.invitationExpiresAt
              ? t('dealerUsers.linkValidUntil', { date: formatDateTime(user.invitationExpiresAt, locale) })
              : user.status === 'invited' && expiredOn
                ? t('dealerUsers.linkExpired', { date: formatDate(expiredOn, locale) })
                : user.lastSignInAt
                ? t('dealerUsers.lastSignIn', { date: formatDateTime(user.lastSignInAt, locale) })
                : t('dealerUsers.neverSignedIn');
          return (
            <li
              key={user.id}
              data-email={user.email}
              data-status={user.status}
              className="flex flex-col gap-2 px-4 py-3 md:px-5 xl:grid xl:grid-cols-[minmax(0,1fr)_8rem_24rem] xl:items-center xl:gap-x-4"
            >
              <div className="min-w-0">
                <p className="font-semibold break-words">
                  {user.name}
                  {self ? <span className="font-normal text-slate-600"> ({t('dealerUsers.you')})</span> : null}
                </p>
                <p className="text-sm break-all text-slate-700">{user.email}</p>
                <p className="text-xs text-slate-600">
                  {t(`roles.${user.role}`)} · {detail}
                </p>
              </div>
              <p>
                <span className={`inline-flex rounded-full border px-2.5 py-0.5 text-xs font-semibold ${CHIP[user.status]}`} data-testid="user-status">
                  {t(`dealerUsers.status.${user.status}`)}
                </span>
              </p>
              {user.role === 'dealer_staff' && !self ? <UserActions userId={user.id} status={user.status} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
