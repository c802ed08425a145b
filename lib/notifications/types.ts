import type { Role } from '@/drizzle/schema/values';

// The catalogue of notification types: what becomes a stored notification, for whom, how loud,
// and whether it is on for a role when the user has not chosen. Shared by the dispatcher that
// creates notifications, the notification centre and the preferences page. The words of each type
// (title templates, the name in the preferences) are under "notificationTypes.<type>" in the i18n
// messages.

export type NotificationImportance = 'critical' | 'normal';

export type NotificationTypeSpec = {
  /** Roles that can receive it at all (the preferences page lists only these). */
  roles: readonly Role[];
  /** On for these roles until the user switches it off (other receiving roles: off until switched on). */
  defaultOn: readonly Role[];
  /** How loud it is (shown red or blue); notificationImportance() may raise it for one event. */
  importance: NotificationImportance;
};

const DEALER: readonly Role[] = ['dealer_owner', 'dealer_staff'];

export const NOTIFICATION_TYPES = {
  /** An order moved to a new stage (critical when it was cancelled). */
  'order.status': { roles: DEALER, defaultOn: DEALER, importance: 'normal' },
  /** A trip carrying the dealer's orders was planned, left the plant or delivered. */
  'shipment.updated': { roles: DEALER, defaultOn: DEALER, importance: 'normal' },
  /** New entries in the dealer's settlements (invoice, payment, compensation). */
  'ledger.updated': { roles: DEALER, defaultOn: ['dealer_owner'], importance: 'normal' },
  /** An amount became overdue (critical). */
  'payment.overdue': { roles: DEALER, defaultOn: DEALER, importance: 'critical' },
  /** The factory's finance staff remind the dealer's owner of an overdue debt (lib/finance/reminders.ts). */
  'payment.reminder': { roles: ['dealer_owner'], defaultOn: ['dealer_owner'], importance: 'critical' },
  /** A claim's status changed (for the dealer: a decision or a question; for the desk: a new claim). */
  'claim.updated': { roles: [...DEALER, 'claims', 'admin'], defaultOn: [...DEALER, 'claims'], importance: 'normal' },
  /** A new message in a claim's thread. */
  'claim.message': { roles: [...DEALER, 'claims', 'admin'], defaultOn: [...DEALER, 'claims'], importance: 'normal' },
  /** A claim passed its SLA deadline (critical). */
  'claim.overdue': { roles: ['claims', 'admin'], defaultOn: ['claims', 'admin'], importance: 'critical' },
  /** The factory published an announcement for the dealer. */
  'announcement.published': { roles: DEALER, defaultOn: DEALER, importance: 'normal' },
  /** A sync source is failing or silent (critical). */
  'sync.rejections': { roles: ['admin'], defaultOn: ['admin'], importance: 'critical' },
  'sync.silent': { roles: ['admin'], defaultOn: ['admin'], importance: 'critical' },
} as const satisfies Record<string, NotificationTypeSpec>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function isNotificationType(value: unknown): value is NotificationType {
  return typeof value === 'string' && Object.hasOwn(NOTIFICATION_TYPES, value);
}

/** The types a role can receive, in the catalogue's order. */
export function notificationTypesFor(role: Role): NotificationType[] {
  return NOTIFICATION_TYPE_NAMES.filter((type) => (NOTIFICATION_TYPES[type].roles as readonly Role[]).includes(role));
}

/** The importance of one notification: its type's, raised to critical for a cancelled order. */
export function notificationImportance(type: NotificationType, details: { status?: unknown } = {}): NotificationImportance {
  if (type === 'order.status' && details.status === 'cancelled') return 'critical';
  return NOTIFICATION_TYPES[type].importance;
}

/** Whether the type is on for the role when the user has no preference of his own. */
export function isOnByDefault(type: NotificationType, role: Role): boolean {
  return (NOTIFICATION_TYPES[type].defaultOn as readonly Role[]).includes(role);
}
