import { createTranslator } from 'next-intl';
import type { Locale, Role } from '@/drizzle/schema/values';
import { isDealerRole } from '@/lib/auth/permissions';
import { defaultLocale, isLocale, TIME_ZONE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import uk from '@/lib/i18n/messages/uk.json';
import { log } from '@/lib/log';
import type { NotificationType } from './types';

// The words of a stored notification, in the recipient's language (users.locale, else Ukrainian),
// from the "notificationTypes" messages, and where tapping it leads in the recipient's area.

const MESSAGES: Record<Locale, Record<string, unknown>> = { uk, ru, en };

type Translate = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, Translate>();

function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const translate = createTranslator({
      locale,
      messages: MESSAGES[locale],
      timeZone: TIME_ZONE,
      onError: (error) => log.error('notification text is missing or broken', { locale, code: error.code, message: error.message }),
    }) as unknown as Translate;
    t = translate;
    translators.set(locale, t);
  }
  return t;
}

/** One message of the portal in a language, for words made outside a request (mails, digests). */
export function translate(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return translatorFor(locale)(key, values);
}

export function localeOf(userLocale: string | null | undefined): Locale {
  return isLocale(userLocale) ? userLocale : defaultLocale;
}

/** What a notification says, before it is put in words: the type and the values of its template. */
export type NotificationContent = {
  type: NotificationType;
  values: Record<string, string | number>;
  /** A status to say in words (status.<kind>.<value>) as {status}. */
  status?: { kind: 'order' | 'shipment' | 'claim'; value: string };
  /** A list of order numbers said as {orders}. */
  orders?: string[];
  /** Whether the template has a body line. */
  body?: boolean;
};

export function renderNotification(content: NotificationContent, userLocale: string | null | undefined): { title: string; body: string | null } {
  const t = translatorFor(localeOf(userLocale));
  const values: Record<string, string | number> = { ...content.values };
  if (content.status) values.status = t(`status.${content.status.kind}.${content.status.value}`);
  if (content.orders) values.orders = content.orders.join(', ');
  const key = `notificationTypes.${content.type}`;
  return { title: t(`${key}.title`, values), body: content.body ? t(`${key}.body`, values) : null };
}

/** Where a notification leads for someone of this role; null when there is no page for it there. */
export function notificationLink(type: NotificationType, role: Role, values: Record<string, string | number>): string | null {
  const n = (key: string) => encodeURIComponent(String(values[key] ?? ''));
  const dealer = isDealerRole(role);
  switch (type) {
    case 'order.status':
      return dealer ? `/dealer/orders/${n('number')}` : null;
    case 'shipment.updated':
      return dealer ? '/dealer/shipments' : null;
    case 'ledger.updated':
    case 'payment.overdue':
    case 'payment.reminder':
      return dealer ? '/dealer/finance' : null;
    case 'claim.updated':
    case 'claim.message':
    case 'claim.overdue':
      return dealer ? `/dealer/claims/${n('number')}` : `/claims/${n('number')}`;
    case 'announcement.published':
      return dealer ? `/dealer/news/${n('id')}` : null;
    case 'sync.rejections':
    case 'sync.silent':
      return '/factory/sync';
  }
}
