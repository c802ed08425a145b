import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from './config';

describe('locale resolution', () => {
  it('follows the user setting first, then the cookie, then the browser, else Ukrainian', () => {
    expect(resolveLocale({ userLocale: 'en', cookieLocale: 'ru', acceptLanguage: 'uk' })).toBe('en');
    expect(resolveLocale({ userLocale: null, cookieLocale: 'ru', acceptLanguage: 'en' })).toBe('ru');
    expect(resolveLocale({ acceptLanguage: 'de-DE,de;q=0.9,ru;q=0.8,en;q=0.5' })).toBe('ru');
    expect(resolveLocale({ acceptLanguage: 'fr-FR' })).toBe('uk');
    expect(resolveLocale({})).toBe('uk');
  });

  it('ignores values that are not portal languages', () => {
    expect(resolveLocale({ userLocale: 'de', cookieLocale: '../../etc', acceptLanguage: 'en-GB' })).toBe('en');
  });

  it('reads q weights of Accept-Language', () => {
    expect(localeFromAcceptLanguage('en;q=0.3, uk;q=0.9')).toBe('uk');
    expect(localeFromAcceptLanguage('ru;q=0, en')).toBe('en');
    expect(localeFromAcceptLanguage('')).toBeNull();
  });
});
