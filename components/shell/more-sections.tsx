import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { NavCount } from '@/components/announcements/nav-badge';
import { navBadges } from '@/lib/announcements/badge';
import { can, type Area } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { NavIcon } from './nav-icon';
import { NAV_ITEMS } from './nav-items';

/**
 * The sections that have no room in the phone's tab bar, as a list on the account page (desktops
 * have them in the side menu too). `exclude`: sections the page already links with a description.
 */
export async function MoreSections({ area, actor, exclude = [] }: { area: Area; actor: Actor; exclude?: string[] }) {
  const t = await getTranslations('nav');
  const items = NAV_ITEMS[area].filter(
    (item) => item.tabBar === false && !exclude.includes(item.href) && (!item.capability || can(actor, item.capability)),
  );
  if (items.length === 0) return null;
  const counts = await navBadges(getDb(), area, actor);
  return (
    <nav aria-label={t('more')} data-testid="more-sections">
      <h2 className="mb-2 text-sm font-semibold text-slate-600">{t('more')}</h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="flex min-h-12 items-center gap-3 rounded-2xl border border-slate-200 bg-white px-4 py-3 font-medium text-brand-800 hover:bg-slate-50"
            >
              <NavIcon name={item.icon} />
              {t(item.label)}
              <NavCount badge={counts[item.href]} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
