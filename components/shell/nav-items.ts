import type { Area, Capability } from '@/lib/auth/permissions';

export type NavIcon = 'home' | 'queue' | 'overview' | 'sync' | 'account' | 'users' | 'orders' | 'truck';
/** `capability`: shown only to people who have it (the page checks again). */
export type NavItem = { href: string; label: string; icon: NavIcon; capability?: Capability };

/** Each area's sections; `label` is a key under "nav". Later sections are added here. */
export const NAV_ITEMS: Record<Area, NavItem[]> = {
  dealer: [
    { href: '/dealer', label: 'home', icon: 'home' },
    { href: '/dealer/orders', label: 'orders', icon: 'orders' },
    { href: '/dealer/shipments', label: 'shipments', icon: 'truck' },
    { href: '/dealer/users', label: 'users', icon: 'users', capability: 'dealerUsers.manageOwn' },
    { href: '/dealer/account', label: 'account', icon: 'account' },
  ],
  claims: [
    { href: '/claims', label: 'queue', icon: 'queue' },
    { href: '/claims/orders', label: 'orders', icon: 'orders' },
    { href: '/claims/account', label: 'account', icon: 'account' },
  ],
  factory: [
    { href: '/factory', label: 'overview', icon: 'overview' },
    { href: '/factory/orders', label: 'orders', icon: 'orders' },
    { href: '/factory/sync', label: 'sync', icon: 'sync' },
    { href: '/factory/account', label: 'account', icon: 'account' },
  ],
};
