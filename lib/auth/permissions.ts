import type { Role } from '@/drizzle/schema/values';

// The one permission map: capability → roles that have it. Code asks can(actor, capability);
// it never compares role strings inline.

export const DEALER_ROLES = ['dealer_owner', 'dealer_staff'] as const satisfies readonly Role[];

const PERMISSIONS = {
  'area.dealer': DEALER_ROLES,
  'area.claims': ['claims', 'admin'],
  'area.factory': ['factory', 'admin'],

  'orders.readOwnDealer': DEALER_ROLES,
  'orders.readAll': ['claims', 'factory', 'admin'],
  'shipments.readOwnDealer': DEALER_ROLES,
  'shipments.readAll': ['factory', 'admin'],
  'finance.readOwnDealer': DEALER_ROLES,
  'finance.readAll': ['factory', 'admin'],
  /** Payment reminders to dealers' owners (receivables page). */
  'finance.remind': ['factory', 'admin'],
  /** The thresholds of the payer category rule. */
  'finance.settings': ['admin'],

  'claims.file': DEALER_ROLES,
  'claims.readAll': ['claims', 'factory', 'admin'],
  'claims.work': ['claims', 'admin'],
  'claims.decide': ['claims', 'admin'],
  'claims.reassign': ['admin'],
  'claims.internalNotes': ['claims', 'factory', 'admin'],
  /** The desk lead's reports: everyone who works the desk (the desk is small; no separate lead role). */
  'claims.reports': ['claims', 'admin'],

  'announcements.read': DEALER_ROLES,
  'announcements.publish': ['factory', 'admin'],
  /** The dealers list and pages (with balance, users, claims) on the factory side. */
  'dealers.read': ['factory', 'admin'],
  /** Creating and editing dealers by hand, assigning their manager. */
  'dealers.manage': ['factory', 'admin'],
  'dealerUsers.manageOwn': ['dealer_owner'],
  /** Every user of the portal: create, deactivate, reset a password, change a role. */
  'users.manage': ['admin'],
  'catalog.read': [...DEALER_ROLES, 'claims', 'factory', 'admin'],
  /** The document library: dealers and staff download, factory staff upload. */
  'library.read': [...DEALER_ROLES, 'claims', 'factory', 'admin'],
  'library.manage': ['factory', 'admin'],
  'reports.read': ['factory', 'admin'],
  /** The append-only audit log. */
  'audit.read': ['admin'],
  /** The mail page: every outgoing mail (and the dev mailbox); sending a failed one again. */
  'mail.view': ['admin'],
  'mail.retry': ['admin'],
  /** Plants, the claims SLA and working calendar. */
  'settings.manage': ['admin'],
  'sync.monitor': ['factory', 'admin'],
  'sync.handleRejections': ['factory', 'admin'],
  'sync.manageSources': ['admin'],
  'finance.import': ['factory', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof PERMISSIONS;

export function can(actor: { role: Role } | null | undefined, capability: Capability): boolean {
  if (!actor) return false;
  return (PERMISSIONS[capability] as readonly Role[]).includes(actor.role);
}

export function rolesWith(capability: Capability): readonly Role[] {
  return PERMISSIONS[capability];
}

export type Area = 'dealer' | 'claims' | 'factory';
export const AREAS: readonly Area[] = ['dealer', 'claims', 'factory'];

/** Where a role lands after signing in, and where it is sent back to from another area. */
export function homeAreaOf(role: Role): Area {
  if ((DEALER_ROLES as readonly Role[]).includes(role)) return 'dealer';
  if (role === 'claims') return 'claims';
  return 'factory';
}

export function canEnterArea(role: Role, area: Area): boolean {
  return can({ role }, `area.${area}`);
}

/** The area a path belongs to, or null for public paths. */
export function areaOfPath(pathname: string): Area | null {
  const first = pathname.split('/')[1];
  return AREAS.find((a) => a === first) ?? null;
}

export function isDealerRole(role: Role): role is (typeof DEALER_ROLES)[number] {
  return (DEALER_ROLES as readonly Role[]).includes(role);
}
