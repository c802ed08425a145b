// The value lists of the data model's enums, without drizzle: pages running in the browser import
// these (status chips, forms, the locale switcher) and so load no database code. The database
// enums built from them are in enums.ts.

export const ROLES = ['dealer_owner', 'dealer_staff', 'claims', 'factory', 'admin'] as const;
export const LOCALES = ['uk', 'ru', 'en'] as const;
export const PAYER_CATEGORIES = ['punctual', 'hesitant', 'unreliable'] as const;
export const ORDER_STATUSES = [
  'accepted',
  'in_production',
  'manufactured',
  'shipped',
  'delivered',
  'cancelled',
] as const;
export const ITEM_KINDS = ['window', 'door', 'balcony', 'roller_shutter', 'other'] as const;
export const SASH_OPENINGS = [
  'fixed',
  'turn_left',
  'turn_right',
  'tilt_turn_left',
  'tilt_turn_right',
  'tilt',
  'sliding',
] as const;
export const SHIPMENT_STATUSES = ['planned', 'loading', 'in_transit', 'delivered'] as const;
export const LEDGER_KINDS = [
  'opening_balance',
  'invoice',
  'payment',
  'compensation',
  'delivery_charge',
  'adjustment',
] as const;
export const CLAIM_CATEGORIES = [
  'defect',
  'transit_damage',
  'missing_part',
  'wrong_dimensions',
  'hardware',
  'other',
] as const;
export const CLAIM_STATUSES = [
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'resolved',
  'closed',
] as const;
export const RESOLUTION_KINDS = ['repair', 'replacement', 'compensation', 'refund'] as const;
export const ATTACHMENT_OWNERS = [
  'claim',
  'claim_message',
  'order_item',
  'announcement',
  'library_document',
] as const;
export const AUDIENCE_KINDS = ['all', 'regions', 'dealers'] as const;
export const NOTIFICATION_CHANNELS = ['in_app', 'push', 'email'] as const;
export const IMPORTANCE = ['critical', 'normal'] as const;
/** How a user's e-mail notifications arrive: each at once, or gathered into a daily or weekly digest. */
export const EMAIL_MODES = ['immediate', 'daily', 'weekly'] as const;
/** A push or digest delivery of one notification (lib/notifications/channels.ts). */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'skipped', 'failed', 'digest'] as const;
/** An outgoing e-mail (lib/mail). */
export const MAIL_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export const SYNC_EVENT_STATES = ['applied', 'parked', 'rejected', 'superseded'] as const;
export const ACTOR_KINDS = ['user', 'sync', 'system'] as const;

export type Role = (typeof ROLES)[number];
export type Locale = (typeof LOCALES)[number];
export type EmailMode = (typeof EMAIL_MODES)[number];
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export type MailState = (typeof MAIL_STATES)[number];
export type PayerCategory = (typeof PAYER_CATEGORIES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type ItemKind = (typeof ITEM_KINDS)[number];
export type SashOpening = (typeof SASH_OPENINGS)[number];
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
