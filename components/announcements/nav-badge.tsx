import type { NavBadge } from '@/lib/announcements/badge';

/** The small count beside a navigation entry (the dealer's unread news). */
export function NavCount({ badge }: { badge?: NavBadge }) {
  if (!badge || badge.count <= 0) return null;
  return (
    <span
      className="ml-auto inline-flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 text-xs leading-5 font-semibold text-white"
      data-testid="nav-badge"
      data-count={badge.count}
      title={badge.label}
    >
      <span aria-hidden="true">{badge.count > 99 ? '99+' : badge.count}</span>
      <span className="sr-only">{badge.label}</span>
    </span>
  );
}
