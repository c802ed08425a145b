import { createTranslator } from 'next-intl';
import type { Locale } from '@/drizzle/schema/values';
import { TIME_ZONE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import uk from '@/lib/i18n/messages/uk.json';
import type { DocumentTexts } from '../format';

// For tests: the documents' words in a language, from the same messages the routes use.

const MESSAGES = { uk, ru, en } as const;

export function documentTexts(locale: Locale): DocumentTexts {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'financeDocuments', timeZone: TIME_ZONE }) as unknown as DocumentTexts;
}
