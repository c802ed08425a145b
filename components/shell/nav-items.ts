import type { Area, Capability } from '@/lib/auth/permissions';

export type NavIcon =
  | 'home'
  | 'queue'
  | 'overview'
  | 'sync'
  | 'account'
  | 'users'
  | 'orders'
  | 'truck'
  | 'chart'
  | 'claims'
  | 'wallet'
  | 'news'
  | 'catalog'
  | 'documents'
  | 'dealers'
  | 'audit'
  | 'mail'
  | 'settings';
/**
 * `capability`: shown only to people who have it (the page checks again). `tabBar: false`: in the
 * side menu only; the phone's tab bar has room for five, so the section is reached from the account page.
 */
export type NavItem = { href: string; label: string; icon: NavIcon; capability?: Capability; tabBar?: false };

/** Each area's sections; `label` is a key under "nav". Later sections are added here. */
export const NAV_ITEMS: Record<Area, NavItem[]> = {
  dealer: [
    { href: '/dealer', label: 'home', icon: 'home' },
    { href: '/dealer/orders', label: 'orders', icon: 'orders' },
    { href: '/dealer/shipments', label: 'shipments', icon: 'truck' },
    { href: '/dealer/claims', label: 'claims', icon: 'claims' },
    // Five tabs fit a 360 px phone; finances are reached there from the home's balance card and the account page.
    { href: '/dealer/finance', label: 'finance', icon: 'wallet', capability: 'finance.readOwnDealer', tabBar: false },
    { href: '/dealer/users', label: 'users', icon: 'users', capability: 'dealerUsers.manageOwn', tabBar: false },
    { href: '/dealer/news', label: 'news', icon: 'news', capability: 'announcements.read', tabBar: false },
    { href: '/dealer/catalog', label: 'catalog', icon: 'catalog', capability: 'catalog.read', tabBar: false },
    { href: '/dealer/documents', label: 'documents', icon: 'documents', capability: 'library.read', tabBar: false },
    { href: '/dealer/account', label: 'account', icon: 'account' },
  ],
  claims: [
    { href: '/claims', label: 'queue', icon: 'queue' },
    { href: '/claims/orders', label: 'orders', icon: 'orders' },
    { href: '/claims/reports', label: 'reports', icon: 'chart', capability: 'claims.reports' },
    { href: '/claims/account', label: 'account', icon: 'account' },
  ],
  factory: [
    { href: '/factory', label: 'overview', icon: 'overview' },
    { href: '/factory/orders', label: 'orders', icon: 'orders' },
    { href: '/factory/dealers', label: 'dealers', icon: 'dealers', capability: 'dealers.read' },
    { href: '/factory/announcements', label: 'announcements', icon: 'news', capability: 'announcements.publish' },
    // Phones get five tabs (overview, orders, dealers, announcements, account); the rest are in the side menu and on the account page.
    { href: '/factory/finance', label: 'finance', icon: 'wallet', capability: 'finance.readAll', tabBar: false },
    { href: '/factory/reports', label: 'reports', icon: 'chart', capability: 'reports.read', tabBar: false },
    { href: '/factory/catalog', label: 'catalog', icon: 'catalog', capability: 'catalog.read', tabBar: false },
    { href: '/factory/documents', label: 'documents', icon: 'documents', capability: 'library.manage', tabBar: false },
    { href: '/factory/sync', label: 'sync', icon: 'sync', tabBar: false },
    { href: '/factory/users', label: 'allUsers', icon: 'users', capability: 'users.manage', tabBar: false },
    { href: '/factory/audit', label: 'audit', icon: 'audit', capability: 'audit.read', tabBar: false },
    { href: '/factory/mail', label: 'mail', icon: 'mail', capability: 'mail.view', tabBar: false },
    { href: '/factory/settings', label: 'settings', icon: 'settings', capability: 'settings.manage', tabBar: false },
    { href: '/factory/account', label: 'account', icon: 'account' },
  ],
};
