// The messages each part of the portal sends to the browser: only the namespaces its client
// components use (lib/i18n/client-namespaces.ts finds them; client-messages.test.ts fails when a
// list misses one). All messages in every page would be some 36 kB of compressed HTML, on the
// critical path of every first load.

type Messages = Record<string, unknown>;

/** Public pages (sign-in, invitation, password reset, offline) and the root error pages. */
export const PUBLIC_NAMESPACES = ['auth', 'dealerUsers', 'errors', 'locale', 'pwa', 'resetPassword'] as const;

export const AREA_NAMESPACES = {
  dealer: ['claimCategory', 'claimsDealer', 'construction', 'dealerUsers', 'files', 'locale', 'nav', 'notifications', 'orderDetail', 'outbox', 'push', 'pwa'],
  claims: ['claimDesk', 'files', 'locale', 'nav', 'notifications', 'orderDetail', 'push', 'pwa', 'status'],
  factory: [
    'accountingImport',
    'announcements',
    'claimCategory',
    'dealerUsers',
    'factoryDealers',
    'factoryFinance',
    'factoryUsers',
    'library',
    'locale',
    'nav',
    'notifications',
    'orderDetail',
    'push',
    'pwa',
    'roles',
    'settings',
    'syncMonitor',
  ],
} as const satisfies Record<string, readonly string[]>;

export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}
