import { createTranslator } from 'next-intl';
import type { Locale } from '@/drizzle/schema/values';
import { TIME_ZONE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import uk from '@/lib/i18n/messages/uk.json';
import { log } from '@/lib/log';

// The words of the mails, from the "mail" messages (server only: no page sends them to the
// browser) and the portal's name from "common".

const MESSAGES: Record<Locale, Record<string, unknown>> = { uk, ru, en };

export type MailTranslate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, MailTranslate>();

export function mailWords(locale: Locale): MailTranslate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      timeZone: TIME_ZONE,
      onError: (error) => log.error('mail text is missing or broken', { locale, code: error.code, message: error.message }),
    }) as unknown as MailTranslate;
    translators.set(locale, t);
  }
  return t;
}
