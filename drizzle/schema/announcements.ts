import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dealers, users } from './dealers';
import { audienceKindEnum, deliveryStateEnum, emailModeEnum, importanceEnum, notificationChannelEnum } from './enums';

export const announcements = pgTable(
  'announcements',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text().notNull(),
    /** Markdown, rendered sanitized. */
    body: text().notNull(),
    audienceKind: audienceKindEnum().notNull(),
    /** For audienceKind = 'regions'. */
    regions: jsonb().$type<string[]>().notNull().default([]),
    pinned: boolean().notNull().default(false),
    /** When it becomes visible; null while a draft. */
    publishAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    unpublishedAt: timestamp({ withTimezone: true }),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcements_published_idx').on(t.publishedAt)],
);

/** For audienceKind = 'dealers': the chosen dealers. */
export const announcementDealers = pgTable(
  'announcement_dealers',
  {
    announcementId: bigint({ mode: 'number' })
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    dealerId: bigint({ mode: 'number' })
      .notNull()
      .references(() => dealers.id),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.dealerId] }), index('announcement_dealers_dealer_idx').on(t.dealerId)],
);

export const announcementReads = pgTable(
  'announcement_reads',
  {
    announcementId: bigint({ mode: 'number' })
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] })],
);

/** A document in the library: price lists, certificates, installation guides. */
export const libraryDocuments = pgTable('library_documents', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  category: text().notNull(),
  title: text().notNull(),
  description: text(),
  attachmentId: uuid(),
  publishedAt: timestamp({ withTimezone: true }),
  createdById: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Deleted by factory staff: unpublished and gone from the library (the audit log keeps the record). */
  deletedAt: timestamp({ withTimezone: true }),
});

export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    type: text().notNull(),
    importance: importanceEnum().notNull().default('normal'),
    title: text().notNull(),
    body: text(),
    /** Where tapping it leads, e.g. /dealer/orders/10-24567. */
    link: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Shown in the notification centre; false when the user wanted it only by push or e-mail. */
    inApp: boolean().notNull().default(true),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Per user, event type and channel: on or off. A missing row means the role's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    eventType: text().notNull(),
    channel: notificationChannelEnum().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.eventType, t.channel] })],
);

/** Web Push subscriptions, one per device (an endpoint moves to whoever subscribed on it last). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text().notNull().unique(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    /** The last failed send that did not end the subscription (a 5xx, a timeout). */
    lastError: text(),
  },
  (t) => [index('push_subscriptions_user_idx').on(t.userId)],
);

/** Per user: how e-mail notifications arrive and when push keeps quiet. No row: immediate e-mail, no quiet hours. */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailMode: emailModeEnum().notNull().default('immediate'),
  /** Quiet hours for push, in minutes after midnight, factory time (Europe/Kyiv); both null: none. */
  quietFrom: smallint(),
  quietTo: smallint(),
  /** When the last digest was made; the next one gathers what came after. */
  lastDigestAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One notification's way to its user outside the app: a push to his devices (pending → sent, or
 * skipped / failed), or a place in his next e-mail digest (digest → sent). Written in the
 * transaction that stores the notification; the push sender and the digest job take them from here.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: notificationChannelEnum().notNull(),
    state: deliveryStateEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Taken by a sender until then (a sender that died leaves it to be taken again). */
    leaseUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    /** The e-mail that carried it (a digest). */
    mailId: bigint({ mode: 'number' }),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_deliveries_due_idx')
      .on(t.channel, t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'sending', 'digest')`),
    index('notification_deliveries_notification_idx').on(t.notificationId),
  ],
);
