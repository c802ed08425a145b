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
  /**
   * Per channel, the roles for which it is on until the user switches it off (other receiving
   * roles: off until switched on).
   */
  defaults: Readonly<Record<NotificationChannelName, readonly Role[]>>;
  /** How loud it is (shown red or blue); notificationImportance() may raise it for one event. */
  importance: NotificationImportance;
};

/** The channels a notification can take (the same list as NOTIFICATION_CHANNELS in the schema). */
export type NotificationChannelName = 'in_app' | 'push' | 'email';

const DEALER: readonly Role[] = ['dealer_owner', 'dealer_staff'];
const OWNER: readonly Role[] = ['dealer_owner'];
const DESK: readonly Role[] = ['claims', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const NOBODY: readonly Role[] = [];

// Role defaults per channel. In the portal: as before the other channels existed. Push is for
// what a dealer wants to know while away from the desk: his orders' stages, trips, claim
// decisions and questions, money owed; the claims desk is pushed only a claim past its deadline,
// the administrator a failing sync. Settlements entries and announcements stay in the portal.
// E-mail is for what must not be missed or is wanted on record: payment reminders and overdue
// debts (to the owner, who pays), a decision on a claim (the dealer's people), a claim past its
// deadline (the desk) and a failing sync (the administrator). Anything else by e-mail is the
// user's own choice.
export const NOTIFICATION_TYPES = {
  /** An order moved to a new stage (critical when it was cancelled). */
  'order.status': { roles: DEALER, defaults: { in_app: DEALER, push: DEALER, email: NOBODY }, importance: 'normal' },
  /** A trip carrying the dealer's orders was planned, left the plant or delivered. */
  'shipment.updated': { roles: DEALER, defaults: { in_app: DEALER, push: DEALER, email: NOBODY }, importance: 'normal' },
  /** New entries in the dealer's settlements (invoice, payment, compensation). */
  'ledger.updated': { roles: DEALER, defaults: { in_app: OWNER, push: NOBODY, email: NOBODY }, importance: 'normal' },
  /** An amount became overdue (critical). */
  'payment.overdue': { roles: DEALER, defaults: { in_app: DEALER, push: DEALER, email: OWNER }, importance: 'critical' },
  /** The factory's finance staff remind the dealer's owner of an overdue debt (lib/finance/reminders.ts). */
  'payment.reminder': { roles: OWNER, defaults: { in_app: OWNER, push: OWNER, email: OWNER }, importance: 'critical' },
  /** A claim's status changed (for the dealer: a decision or a question; for the desk: a new claim). */
  'claim.updated': {
    roles: [...DEALER, ...DESK],
    defaults: { in_app: [...DEALER, 'claims'], push: DEALER, email: DEALER },
    importance: 'normal',
  },
  /** A new message in a claim's thread. */
  'claim.message': { roles: [...DEALER, ...DESK], defaults: { in_app: [...DEALER, 'claims'], push: DEALER, email: NOBODY }, importance: 'normal' },
  /** A claim passed its SLA deadline (critical). */
  'claim.overdue': { roles: DESK, defaults: { in_app: DESK, push: DESK, email: DESK }, importance: 'critical' },
  /** The factory published an announcement for the dealer. */
  'announcement.published': { roles: DEALER, defaults: { in_app: DEALER, push: NOBODY, email: NOBODY }, importance: 'normal' },
  /** A sync source is failing or silent (critical). */
  'sync.rejections': { roles: ADMIN, defaults: { in_app: ADMIN, push: ADMIN, email: ADMIN }, importance: 'critical' },
  'sync.silent': { roles: ADMIN, defaults: { in_app: ADMIN, push: ADMIN, email: ADMIN }, importance: 'critical' },
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

/** Whether the type is on for the role in the channel (in-app by default) when the user has not chosen. */
export function isOnByDefault(type: NotificationType, role: Role, channel: NotificationChannelName = 'in_app'): boolean {
  const spec: NotificationTypeSpec = NOTIFICATION_TYPES[type];
  return spec.roles.includes(role) && spec.defaults[channel].includes(role);
}
