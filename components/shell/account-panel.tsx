import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './sign-out-button';

/**
 * The signed-in person's own details, the language and sign-out (the phone's place for them).
 * `children`: the area's own links that have no room in the phone's tab bar, below the details.
 */
export async function AccountPanel({ actor, dealerName, children }: { actor: Actor; dealerName?: string; children?: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t('account.title')}</h1>
      <dl className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {[
          [t('account.name'), actor.name],
          [t('account.email'), actor.email],
          [t('account.role'), t(`roles.${actor.role}`)],
          ...(dealerName ? [[t('account.dealer'), dealerName]] : []),
        ].map(([label, value]) => (
          <div key={label} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:justify-between">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {children}
      <section className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-medium text-slate-600">{t('locale.label')}</h2>
        <LocaleSwitcher className="self-start" />
      </section>
      <SignOutButton className="self-start" />
    </div>
  );
}
