import { pgEnum } from 'drizzle-orm/pg-core';
import { ROLES, LOCALES, PAYER_CATEGORIES, ORDER_STATUSES, ITEM_KINDS, SHIPMENT_STATUSES, LEDGER_KINDS, CLAIM_CATEGORIES, CLAIM_STATUSES, RESOLUTION_KINDS, ATTACHMENT_OWNERS, AUDIENCE_KINDS, NOTIFICATION_CHANNELS, IMPORTANCE, SYNC_EVENT_STATES, ACTOR_KINDS, EMAIL_MODES, DELIVERY_STATES, MAIL_STATES } from './values';

// Every enum of the data model, in one place so the API schemas (lib/*/schemas.ts), the status
// chips and the sync API read the same lists (the lists themselves are in values.ts).
export * from './values';

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
export const emailModeEnum = pgEnum('email_mode', EMAIL_MODES);
export const deliveryStateEnum = pgEnum('delivery_state', DELIVERY_STATES);
export const mailStateEnum = pgEnum('mail_state', MAIL_STATES);
