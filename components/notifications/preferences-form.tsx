'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { savePreferencesAction, type PreferencesState } from '@/lib/notifications/form-actions';
import { preferenceKey, type NotificationChannel } from '@/lib/notifications/schemas';

type Row = { type: string; name: string; description: string | null; channels: Record<NotificationChannel, boolean> };

const CHANNELS: NotificationChannel[] = ['in_app', 'push', 'email'];

/**
 * The switches, one row per type, one switch per channel. A plain form (works before the script
 * has loaded): every switch that is on is sent, all others are off.
 */
export function PreferencesForm({ rows, email }: { rows: Row[]; email: string }) {
  const t = useTranslations('notifications.settings');
  const [state, action, pending] = useActionState<PreferencesState, FormData>(savePreferencesAction, { status: 'idle' });
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="notification-preferences">
      <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white">
        {rows.map((row) => (
          <li key={row.type} className="flex flex-col gap-2 px-4 py-3" data-testid="preference" data-type={row.type}>
            <div>
              <p className="font-medium" id={`pref-${row.type}`}>{row.name}</p>
              {row.description ? <p className="text-sm text-slate-600">{row.description}</p> : null}
            </div>
            <div role="group" aria-labelledby={`pref-${row.type}`} className="grid grid-cols-3 gap-2">
              {CHANNELS.map((channel) => (
                <label
                  key={channel}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-200 px-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="checkbox"
                    role="switch"
                    name="enabled"
                    value={preferenceKey(row.type, channel)}
                    defaultChecked={row.channels[channel]}
                    aria-label={t('switchLabel', { type: row.name, channel: t(`channels.${channel}`) })}
                    className="h-5 w-5 shrink-0 accent-brand-700"
                  />
                  <span className="min-w-0 break-words">{t(`channels.${channel}`)}</span>
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="text-sm break-words text-slate-600" data-testid="channels-note">
        {t('channelsNote', { email })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t('saving') : t('save')}
        </button>
        <p role="status" className="text-sm text-slate-700">
          {state.status === 'saved' && !pending ? t('saved') : null}
        </p>
        {state.status === 'error' ? (
          <p role="alert" className="text-sm text-red-800">
            {t(`errors.${state.error}`)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
