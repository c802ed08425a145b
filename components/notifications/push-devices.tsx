'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PushDevice } from '@/lib/push/schemas';

/** The person's devices with push, newest first, this one marked; Remove ends a device's subscription. */
export function PushDevices({
  devices,
  endpoint,
  formatDate,
  onRemoved,
}: {
  devices: PushDevice[];
  endpoint: string | null;
  formatDate: (iso: string) => string;
  onRemoved: (device: PushDevice) => void;
}) {
  const t = useTranslations('push.devices');
  const [removing, setRemoving] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  async function remove(device: PushDevice) {
    setRemoving(device.id);
    setFailed(false);
    try {
      const answer = await fetch(`/api/v1/push/subscriptions/${device.id}`, { method: 'DELETE', credentials: 'same-origin' });
      if (!answer.ok && answer.status !== 404) throw new Error(`HTTP ${answer.status}`);
      if (device.endpoint === endpoint) {
        // This device: the browser forgets the subscription too.
        const { currentSubscription } = await import('@/lib/push/browser');
        await (await currentSubscription())?.unsubscribe();
      }
      onRemoved(device);
    } catch {
      setFailed(true);
    } finally {
      setRemoving(null);
    }
  }

  const nameOf = (d: PushDevice) =>
    d.browser && d.os ? t('name', { browser: d.browser, os: d.os }) : (d.browser ?? d.os ?? t('unknown'));

  return (
    <div className="flex flex-col gap-2 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-semibold">{t('title')}</h3>
      {devices.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="push-no-devices">
          {t('none')}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100" data-testid="push-devices">
          {devices.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="push-device" data-current={d.endpoint === endpoint || undefined}>
              <div className="min-w-0">
                <p className="font-medium break-words">
                  {nameOf(d)}
                  {d.endpoint === endpoint ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">{t('thisDevice')}</span> : null}
                </p>
                <p className="text-xs text-slate-600">
                  {t('added', { date: formatDate(d.createdAt) })}
                  {d.lastUsedAt ? ` · ${t('lastUsed', { date: formatDate(d.lastUsedAt) })}` : ''}
                </p>
                {d.lastError ? <p className="text-xs text-amber-800">{t('problem')}</p> : null}
              </div>
              <button
                type="button"
                disabled={removing === d.id}
                onClick={() => void remove(d)}
                aria-label={t('removeLabel', { name: nameOf(d) })}
                className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
              >
                {removing === d.id ? t('removing') : t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {t('removeFailed')}
        </p>
      ) : null}
    </div>
  );
}
