import { pgEnum } from 'drizzle-orm/pg-core';

// Every enum of the data model, in one place so the API schemas (lib/*/schemas.ts), the status
// chips and the sync API read the same lists.
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
export const SYNC_EVENT_STATES = ['applied', 'parked', 'rejected', 'superseded'] as const;
export const ACTOR_KINDS = ['user', 'sync', 'system'] as const;

export type Role = (typeof ROLES)[number];
export type Locale = (typeof LOCALES)[number];
export type PayerCategory = (typeof PAYER_CATEGORIES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type ItemKind = (typeof ITEM_KINDS)[number];
export type SashOpening = (typeof SASH_OPENINGS)[number];
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const roleEnum = pgEnum('role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);
export const payerCategoryEnum = pgEnum('payer_category', PAYER_CATEGORIES);
export const orderStatusEnum = pgEnum('order_status', ORDER_STATUSES);
export const itemKindEnum = pgEnum('item_kind', ITEM_KINDS);
export const shipmentStatusEnum = pgEnum('shipment_status', SHIPMENT_STATUSES);
export const ledgerKindEnum = pgEnum('ledger_kind', LEDGER_KINDS);
export const claimCategoryEnum = pgEnum('claim_category', CLAIM_CATEGORIES);
export const claimStatusEnum = pgEnum('claim_status', CLAIM_STATUSES);
export const resolutionKindEnum = pgEnum('resolution_kind', RESOLUTION_KINDS);
export const attachmentOwnerEnum = pgEnum('attachment_owner', ATTACHMENT_OWNERS);
export const audienceKindEnum = pgEnum('audience_kind', AUDIENCE_KINDS);
export const notificationChannelEnum = pgEnum('notification_channel', NOTIFICATION_CHANNELS);
export const importanceEnum = pgEnum('importance', IMPORTANCE);
export const syncEventStateEnum = pgEnum('sync_event_state', SYNC_EVENT_STATES);
export const actorKindEnum = pgEnum('actor_kind', ACTOR_KINDS);
