'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { NavCount } from '@/components/announcements/nav-badge';
import type { NavBadge } from '@/lib/announcements/badge';
import { NavIcon } from './nav-icon';
import type { NavItem } from './nav-items';

function isCurrent(pathname: string, href: string, areaRoot: string): boolean {
  if (href === areaRoot) return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

const STYLES = {
  side: {
    list: 'flex flex-col gap-1',
    link: 'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium',
    current: 'bg-brand-50 text-brand-800',
    other: 'text-slate-700 hover:bg-slate-100',
  },
  tabs: {
    list: 'grid grid-flow-col auto-cols-fr',
    link: 'flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 text-xs font-medium',
    current: 'text-brand-700',
    other: 'text-slate-600',
  },
} as const;

/** The side menu (desktop) or the bottom tab bar (phone), the current section highlighted. */
export function NavLinks({
  items,
  areaRoot,
  variant,
  badges = {},
}: {
  items: NavItem[];
  areaRoot: string;
  variant: keyof typeof STYLES;
  /** Counts by entry href (the dealer's unread news). */
  badges?: Record<string, NavBadge>;
}) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const style = STYLES[variant];
  return (
    <ul className={style.list}>
      {items.map((item) => {
        const current = isCurrent(pathname, item.href, areaRoot);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              className={`${style.link} ${current ? style.current : style.other}`}
            >
              <NavIcon name={item.icon} />
              {t(item.label)}
              <NavCount badge={badges[item.href]} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
