import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { UserStateChip } from '@/components/factory-users/state-chip';
import { RoleForm } from '@/components/factory-users/role-form';
import { UserActions } from '@/components/factory-users/user-actions';
import { UserDetailsForm } from '@/components/factory-users/user-details-form';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getUserDetail, listDealerChoices } from '@/lib/users/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryUsers'))('detailTitle') };
}

/** One user: what the account is, and what an administrator can do with it. */
export default async function UserPage({ params }: Props) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'users.manage')) redirect('/factory');
  const { id } = await params;
  const db = getDb();
  const user = await getUserDetail(db, actor, id);
  if (!user) notFound();
  const [t, tRoles, locale, dealers] = await Promise.all([getTranslations('factoryUsers'), getTranslations('roles'), getLocale() as Promise<Locale>, listDealerChoices(db, actor)]);
  const when = (date: Date | null) => (date ? formatDateTime(date, locale) : null);
  const self = user.id === actor.userId;
  const facts: [string, string, string][] = [
    [t('email'), user.email, 'email'],
    [t('role'), tRoles(user.role), 'role'],
    [t('dealer'), user.dealerCode ? `${user.dealerCode} · ${user.dealerName ?? ''}` : '—', 'dealer'],
    [t('phone'), user.phone ?? '—', 'phone'],
    [t('lastSignIn'), when(user.lastSignInAt) ?? t('neverSignedIn'), 'last-sign-in'],
    [t('createdAt'), formatDateTime(user.createdAt, locale), 'created'],
  ];
  if (user.invitedByName) facts.push([t('invitedBy'), user.invitedByName, 'invited-by']);
  if (user.setupLinkExpiresAt) {
    facts.push([t('setupLink'), t(user.setupLinkWorks ? 'linkWorksUntil' : 'linkExpiredOn', { date: when(user.setupLinkExpiresAt) ?? '' }), 'setup-link']);
  }
  if (user.resetLinkExpiresAt) facts.push([t('resetLink'), t('linkWorksUntil', { date: when(user.resetLinkExpiresAt) ?? '' }), 'reset-link']);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <Link href="/factory/users" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
          {t('backToList')}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-xl font-semibold break-words md:text-2xl" data-testid="user-title">
            {user.name}
            {self ? <span className="font-normal text-slate-600"> ({t('you')})</span> : null}
          </h1>
          <UserStateChip state={user.state} />
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="user-facts">
        {facts.map(([label, value, key]) => (
          <div key={key} className="min-w-0" data-testid={`fact-${key}`}>
            <dt className="text-xs font-medium text-slate-600 uppercase">{label}</dt>
            <dd className="mt-0.5 break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {can(actor, 'audit.read') ? (
        <Link
          href={`/factory/audit?${new URLSearchParams({ type: 'user', object: user.email })}`}
          className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 underline underline-offset-2"
          data-testid="user-audit-link"
        >
          {t('auditLink')}
        </Link>
      ) : null}
      <UserActions userId={user.id} state={user.state} self={self} />
      <RoleForm user={{ id: user.id, role: user.role, dealerCode: user.dealerCode }} dealers={dealers} self={self} />
      <UserDetailsForm user={user} />
    </div>
  );
}
