import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { getActor } from '@/lib/auth/session';
import { LOCALE_COOKIE, resolveLocale, TIME_ZONE } from './config';

export default getRequestConfig(async () => {
  const [actor, jar, head] = await Promise.all([getActor(), cookies(), headers()]);
  const locale = resolveLocale({
    userLocale: actor?.locale,
    cookieLocale: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get('accept-language'),
  });
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: TIME_ZONE };
});
