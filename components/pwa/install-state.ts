// When the dealer's home offers to install the app: from the third visit on, until the banner is
// dismissed or the app installed (then never again on this device). Plain logic over a Storage,
// so it is tested without a browser; the components pass localStorage and sessionStorage.

export const VISITS_KEY = 'portal-pwa-visits';
export const DISMISSED_KEY = 'portal-pwa-banner-dismissed';
export const INSTALLED_KEY = 'portal-pwa-installed';
/** Set in sessionStorage: a visit is a browser session, not every return to the home page. */
export const SESSION_COUNTED_KEY = 'portal-pwa-visit-counted';
export const BANNER_FROM_VISIT = 3;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function visitCount(local: KeyValueStore): number {
  const value = Number.parseInt(local.getItem(VISITS_KEY) ?? '', 10);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** Counts this visit once per browser session and answers the number of visits so far. */
export function countVisit(local: KeyValueStore, session: KeyValueStore): number {
  if (session.getItem(SESSION_COUNTED_KEY)) return visitCount(local);
  const next = visitCount(local) + 1;
  local.setItem(VISITS_KEY, String(next));
  session.setItem(SESSION_COUNTED_KEY, '1');
  return next;
}

export function dismissBanner(local: KeyValueStore): void {
  local.setItem(DISMISSED_KEY, '1');
}

export function markInstalled(local: KeyValueStore): void {
  local.setItem(INSTALLED_KEY, '1');
}

export function shouldOfferBanner(local: KeyValueStore, env: { standalone: boolean; canOffer: boolean }): boolean {
  if (env.standalone || !env.canOffer) return false;
  if (local.getItem(DISMISSED_KEY) || local.getItem(INSTALLED_KEY)) return false;
  return visitCount(local) >= BANNER_FROM_VISIT;
}

/** iPhone/iPad Safari has no install prompt: the person adds the app through Share → Add to Home Screen. */
export function isIosSafari(userAgent: string, maxTouchPoints = 0): boolean {
  const iosDevice = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  // Other iOS browsers name themselves (CriOS, FxiOS, EdgiOS); only Safari can add to the home screen everywhere.
  return iosDevice && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS|YaBrowser/.test(userAgent);
}
