import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InstallApp } from '@/components/pwa/install-app';
import { AccountPanel } from '@/components/shell/account-panel';
import { MoreSections } from '@/components/shell/more-sections';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { getOwnDealer } from '@/lib/dealers/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function DealerAccountPage() {
  const actor = await requireAreaActor('dealer');
  const [dealer, t, tFinance] = await Promise.all([getOwnDealer(getDb(), dealerScopeOf(actor)), getTranslations('dealerUsers'), getTranslations('finance')]);
  return (
    <AccountPanel actor={actor} dealerName={`${dealer.name} (${dealer.code})`}>
      {/* Finances have no room in the phone's tab bar either (the home's balance card links there too). */}
      <Link
        href="/dealer/finance"
        className="flex min-h-14 flex-col gap-0.5 rounded-2xl border border-slate-200 bg-white px-4 py-3 hover:bg-slate-50"
        data-testid="account-finance-link"
      >
        <span className="font-semibold text-brand-800">{tFinance('title')} →</span>
        <span className="text-sm text-slate-600">{tFinance('accountHint')}</span>
      </Link>
      {/* The team has no room in the phone's tab bar: the owner reaches it from here. */}
      {can(actor, 'dealerUsers.manageOwn') ? (
        <Link
          href="/dealer/users"
          className="flex min-h-14 flex-col gap-0.5 rounded-2xl border border-slate-200 bg-white px-4 py-3 hover:bg-slate-50"
          data-testid="account-team-link"
        >
          <span className="font-semibold text-brand-800">{t('title')} →</span>
          <span className="text-sm text-slate-600">{t('intro')}</span>
        </Link>
      ) : null}
      <MoreSections area="dealer" actor={actor} exclude={['/dealer/finance', '/dealer/users']} />
      <InstallApp />
    </AccountPanel>
  );
}
