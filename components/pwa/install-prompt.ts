// The browser's offer to install the app, kept from the moment the page loads (Chromium fires
// `beforeinstallprompt` once per page load, often before the account page or the home banner is
// shown), and what this device can be offered: the prompt, iOS guidance, or nothing.
import { countVisit, dismissBanner, isIosSafari, markInstalled, shouldOfferBanner } from './install-state';

/** Chromium's event (not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer = 'installed' | 'prompt' | 'ios' | 'none';

let deferred: BeforeInstallPromptEvent | null = null;
let installedNow = false;
let attached = false;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function attach() {
  if (attached || typeof window === 'undefined') return;
  attached = true;
  window.addEventListener('beforeinstallprompt', (event) => {
    // No mini-infobar on first load: the portal offers the install itself, at its own moment.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    emit();
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    installedNow = true;
    markInstalled(window.localStorage);
    emit();
  });
  window.matchMedia('(display-mode: standalone)').addEventListener('change', emit);
}

// Listen as soon as the dealer area's code loads, not when a component mounts.
attach();

export function subscribe(listener: () => void): () => void {
  attach();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
}

export function installOffer(): InstallOffer {
  if (installedNow || isStandalone()) return 'installed';
  if (deferred) return 'prompt';
  if (isIosSafari(navigator.userAgent, navigator.maxTouchPoints)) return 'ios';
  return 'none';
}

/** Before hydration nothing is known: nothing is offered. */
export const serverInstallOffer = (): InstallOffer | null => null;

/** Shows the browser's install dialog (once per offer; the browser fires a new event for the next). */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = deferred;
  if (!event) return 'unavailable';
  deferred = null;
  emit();
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'accepted') {
    installedNow = true;
    markInstalled(window.localStorage);
    emit();
  }
  return outcome;
}

/** Counts the dealer's visit to his home (once per browser session). */
export function countHomeVisit(): void {
  countVisit(window.localStorage, window.sessionStorage);
  emit();
}

export function bannerWanted(): boolean {
  const offer = installOffer();
  return shouldOfferBanner(window.localStorage, { standalone: offer === 'installed', canOffer: offer === 'prompt' || offer === 'ios' });
}

export function dismissInstallBanner(): void {
  dismissBanner(window.localStorage);
  emit();
}
