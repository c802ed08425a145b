import { createTranslator } from 'next-intl';
import type { Locale } from '@/drizzle/schema/values';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import uk from '@/lib/i18n/messages/uk.json';
import { localeOf } from '@/lib/notifications/render';

// What a push message carries to the service worker (lib/pwa/push-handlers.ts shows it): the
// stored notification's words, already in the recipient's language, and where tapping it leads.
// Push services take at most 4 kB of encrypted payload; the texts are cut well below that.

export type PushPayload = {
  id: number;
  type: string;
  title: string;
  body: string | null;
  /** A path of the portal (/dealer/orders/…); the worker opens it. */
  link: string | null;
  importance: 'critical' | 'normal';
  /** Notifications with the same tag replace each other on the device (one per object). */
  tag: string;
};

const TITLE_MAX = 160;
const BODY_MAX = 600;
const LINK_MAX = 500;

const MESSAGES = { uk, ru, en } as const;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The marker of a critical notification's title, in the recipient's language. */
function criticalTitle(locale: Locale, title: string): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'push' });
  return t('criticalTitle', { title });
}

export function pushPayload(
  n: { id: number; type: string; title: string; body: string | null; link: string | null; importance: 'critical' | 'normal' },
  userLocale: string | null,
): PushPayload {
  const title = n.importance === 'critical' ? criticalTitle(localeOf(userLocale), n.title) : n.title;
  // Only the portal's own paths are opened; anything else opens the home of the app.
  const link = n.link && n.link.startsWith('/') && !n.link.startsWith('//') && n.link.length <= LINK_MAX ? n.link : null;
  return {
    id: n.id,
    type: n.type,
    title: cut(title, TITLE_MAX),
    body: n.body === null ? null : cut(n.body, BODY_MAX),
    link,
    importance: n.importance,
    tag: link ? `portal:${link}` : `portal:n${n.id}`,
  };
}
