import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { LazyNotificationToasts } from '@/components/notifications/lazy-toasts';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import type { Actor } from '@/lib/auth/actor';
import { can, type Area } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { navBadges } from '@/lib/announcements/badge';
import { getNotificationBadge } from '@/lib/notifications/queries';
import { LocaleSwitcher } from './locale-switcher';
import { NAV_ITEMS } from './nav-items';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/**
 * The frame of each area: a side menu on desktops, a header and a bottom tab bar on phones.
 * `subtitle` names the dealer for dealer users.
 */
export async function AreaShell({ area, actor, subtitle, children }: { area: Area; actor: Actor; subtitle?: string; children: React.ReactNode }) {
  const t = await getTranslations();
  const items = NAV_ITEMS[area].filter((item) => !item.capability || can(actor, item.capability));
  const areaRoot = `/${area}`;
  // The signed-in person's live connection, bell and toasts (only signed-in areas use this shell).
  const badge = await getNotificationBadge(getDb(), actor);
  // Counts beside entries (the dealer's unread news).
  const counts = await navBadges(getDb(), area, actor);
  const notificationsHref = `${areaRoot}/notifications`;
  return (
    <RealtimeProvider>
      <div className="min-h-dvh md:flex" data-area={area}>
        <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
          <div className="border-b border-slate-200 px-5 py-4">
            <div className="flex items-start justify-between gap-2">
              <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{t('common.factoryName')}</p>
              <NotificationBell href={notificationsHref} unread={badge.unread} latestId={badge.latestId} className="-mt-2 -mr-2" />
            </div>
            <p className="text-base font-semibold">{t(`areas.${area}`)}</p>
            {subtitle ? <p className="mt-0.5 truncate text-sm text-slate-600">{subtitle}</p> : null}
          </div>
          <nav aria-label={t('nav.menu')} className="flex-1 px-3 py-4">
            <NavLinks items={items} areaRoot={areaRoot} variant="side" badges={counts} />
          </nav>
          <div className="flex flex-col gap-3 border-t border-slate-200 px-5 py-4">
            <div>
              <p className="truncate text-sm font-medium" data-testid="user-name">{actor.name}</p>
              <p className="text-xs text-slate-600">{t(`roles.${actor.role}`)}</p>
            </div>
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur md:hidden">
            <div className="min-w-0">
              <p className="truncate text-base font-semibold">{t(`areas.${area}`)}</p>
              {subtitle ? <p className="truncate text-xs text-slate-600">{subtitle}</p> : null}
            </div>
            <div className="flex shrink-0 items-center gap-1">
              <LocaleSwitcher className="shrink-0" />
              <NotificationBell href={notificationsHref} unread={badge.unread} latestId={badge.latestId} />
            </div>
          </header>
          <main className="mx-auto w-full max-w-6xl flex-1 px-4 pt-4 pb-24 md:px-8 md:py-8">{children}</main>
          <nav
            aria-label={t('nav.tabs')}
            className="pb-safe fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white md:hidden"
          >
            <NavLinks items={items.filter((item) => item.tabBar !== false)} areaRoot={areaRoot} variant="tabs" badges={counts} />
          </nav>
        </div>
        <LazyNotificationToasts href={notificationsHref} />
        <ConnectionStatus />
      </div>
    </RealtimeProvider>
  );
}
