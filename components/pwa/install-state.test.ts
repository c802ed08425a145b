import { describe, expect, it } from 'vitest';
import {
  countVisit,
  dismissBanner,
  isIosSafari,
  markInstalled,
  shouldOfferBanner,
  VISITS_KEY,
  visitCount,
} from './install-state';

function memoryStorage() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

const browser = { standalone: false, canOffer: true };

describe('the install banner on the dealer’s home', () => {
  it('counts a visit once per browser session', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    expect(countVisit(local, session)).toBe(1);
    expect(countVisit(local, session)).toBe(1);
    expect(countVisit(local, memoryStorage())).toBe(2);
    expect(visitCount(local)).toBe(2);
  });

  it('is offered from the third visit on, not before', () => {
    const local = memoryStorage();
    countVisit(local, memoryStorage());
    expect(shouldOfferBanner(local, browser)).toBe(false);
    countVisit(local, memoryStorage());
    expect(shouldOfferBanner(local, browser)).toBe(false);
    countVisit(local, memoryStorage());
    expect(shouldOfferBanner(local, browser)).toBe(true);
    countVisit(local, memoryStorage());
    expect(shouldOfferBanner(local, browser)).toBe(true);
  });

  it('never comes back once dismissed or installed', () => {
    const dismissed = memoryStorage();
    for (let i = 0; i < 3; i++) countVisit(dismissed, memoryStorage());
    dismissBanner(dismissed);
    for (let i = 0; i < 5; i++) countVisit(dismissed, memoryStorage());
    expect(shouldOfferBanner(dismissed, browser)).toBe(false);

    const installed = memoryStorage();
    for (let i = 0; i < 3; i++) countVisit(installed, memoryStorage());
    markInstalled(installed);
    expect(shouldOfferBanner(installed, browser)).toBe(false);
  });

  it('is not offered inside the installed app or where nothing can be offered', () => {
    const local = memoryStorage();
    for (let i = 0; i < 3; i++) countVisit(local, memoryStorage());
    expect(shouldOfferBanner(local, { standalone: true, canOffer: true })).toBe(false);
    expect(shouldOfferBanner(local, { standalone: false, canOffer: false })).toBe(false);
  });

  it('treats a damaged counter as no visits', () => {
    const local = memoryStorage();
    local.setItem(VISITS_KEY, 'lots');
    expect(visitCount(local)).toBe(0);
    expect(countVisit(local, memoryStorage())).toBe(1);
  });
});

describe('iOS Safari detection', () => {
  it('recognises Safari on an iPhone and an iPad, not Chrome on iOS or Android', () => {
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const ipadDesktopMode = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
    const chromeIos = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1';
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
    expect(isIosSafari(iphone)).toBe(true);
    expect(isIosSafari(ipadDesktopMode, 5)).toBe(true);
    expect(isIosSafari(ipadDesktopMode, 0)).toBe(false);
    expect(isIosSafari(chromeIos)).toBe(false);
    expect(isIosSafari(android)).toBe(false);
  });
});
