'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Locale } from '@/drizzle/schema/values';
import { formatDate } from '@/lib/i18n/format';
import type { PushDevice } from '@/lib/push/schemas';
import { PushDevices } from './push-devices';

type DeviceState = 'checking' | 'unsupported' | 'ios_needs_home_screen' | 'denied' | 'off' | 'on';
type Problem = 'dismissed' | 'failed' | 'server' | null;

/**
 * "Push on this device": what this browser can do and a button to turn push on or off here. The
 * browser asks for the permission only when the person taps "Turn on", never on load. Below, the
 * person's devices with push, this one marked, each removable.
 */
export function PushSettings({ publicKey, devices: initial }: { publicKey: string; devices: PushDevice[] }) {
  const t = useTranslations('push');
  const locale = useLocale() as Locale;
  const [state, setState] = useState<DeviceState>('checking');
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [devices, setDevices] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);

  useEffect(() => {
    let cancelled = false;
    void import('@/lib/push/browser').then(async ({ pushSupport, currentSubscription }) => {
      const support = pushSupport();
      if (support !== 'supported') return !cancelled && setState(support);
      if (Notification.permission === 'denied') return !cancelled && setState('denied');
      const subscription = await currentSubscription().catch(() => null);
      if (cancelled) return;
      // Subscribed here, but not stored for this person (another person turned it on): off for him.
      const mine = subscription && initial.some((d) => d.endpoint === subscription.endpoint);
      setEndpoint(subscription?.endpoint ?? null);
      setState(mine && Notification.permission === 'granted' ? 'on' : 'off');
    });
    return () => {
      cancelled = true;
    };
  }, [initial]);

  async function turnOn() {
    setBusy(true);
    setProblem(null);
    try {
      const { turnOnPush } = await import('@/lib/push/browser');
      const { device, endpoint: mine } = await turnOnPush(publicKey);
      setEndpoint(mine);
      setDevices((list) => [device, ...list.filter((d) => d.id !== device.id)]);
      setState('on');
    } catch (err) {
      const reason = (err as { reason?: string }).reason;
      if (reason === 'denied') setState('denied');
      else setProblem(reason === 'dismissed' || reason === 'server' ? reason : 'failed');
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    setProblem(null);
    try {
      const { turnOffPush } = await import('@/lib/push/browser');
      await turnOffPush();
      setDevices((list) => list.filter((d) => d.endpoint !== endpoint));
      setEndpoint(null);
      setState('off');
    } catch {
      setProblem('server');
    } finally {
      setBusy(false);
    }
  }

  const button = 'min-h-11 rounded-lg px-5 text-base font-semibold disabled:opacity-60';
  return (
    <section aria-labelledby="push-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="push-settings" data-state={state}>
      <div>
        <h2 id="push-title" className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      {state === 'checking' ? <p className="text-sm text-slate-600">{t('checking')}</p> : null}
      {state === 'unsupported' || state === 'ios_needs_home_screen' || state === 'denied' ? (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="push-unavailable">
          {t(state === 'denied' ? 'denied' : state === 'unsupported' ? 'unsupported' : 'iosHomeScreen')}
        </p>
      ) : null}
      {state === 'off' ? (
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm text-slate-700">{t('off')}</p>
          <button type="button" disabled={busy} onClick={() => void turnOn()} className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
            {busy ? t('working') : t('turnOn')}
          </button>
        </div>
      ) : null}
      {state === 'on' ? (
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm font-medium text-emerald-800" data-testid="push-on">
            {t('on')}
          </p>
          <button type="button" disabled={busy} onClick={() => void turnOff()} className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>
            {busy ? t('working') : t('turnOff')}
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {t(`problems.${problem}`)}
        </p>
      ) : null}
      <PushDevices
        devices={devices}
        endpoint={endpoint}
        formatDate={(iso) => formatDate(iso, locale)}
        onRemoved={(device) => {
          setDevices((list) => list.filter((d) => d.id !== device.id));
          if (device.endpoint === endpoint) {
            setEndpoint(null);
            setState('off');
          }
        }}
      />
    </section>
  );
}
