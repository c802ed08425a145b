'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { changeSyncSource, createSyncSource, type ActionResult } from '@/lib/sync/actions';

type Source = { id: number; code: string; name: string; active: boolean };

/** Admins add source systems, rotate and revoke their tokens; a token is shown once. */
export function SourceAdmin({ sources }: { sources: Source[] }) {
  const t = useTranslations('syncMonitor');
  const [pending, start] = useTransition();
  const [shown, setShown] = useState<{ code: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = (code: string, action: () => Promise<ActionResult>) =>
    start(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        setShown(result.token ? { code, token: result.token } : null);
      } else {
        setShown(null);
        setError(t(`errors.${result.error}`));
      }
    });

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get('code') ?? '');
    run(code, () => createSyncSource({ code, name: String(form.get('name') ?? '') }));
  };

  return (
    <section aria-labelledby="sources-admin" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="sources-admin" className="text-base font-semibold">{t('sourcesTitle')}</h2>
      {shown ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t('tokenOnce', { code: shown.code })}</p>
          <code className="mt-1 block font-mono text-sm break-all select-all" data-testid="new-token">{shown.token}</code>
        </div>
      ) : null}
      {error ? <p role="alert" className="text-sm text-red-800">{error}</p> : null}
      <ul className="divide-y divide-slate-100">
        {sources.map((source) => (
          <li key={source.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{source.name}</span> <span className="text-sm text-slate-600">({source.code})</span>
            </span>
            <span className="flex gap-2">
              <button type="button" disabled={pending} onClick={() => run(source.code, () => changeSyncSource({ id: source.id, change: 'rotate' }))} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                {t('rotate')}
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => run(source.code, () => changeSyncSource({ id: source.id, change: source.active ? 'revoke' : 'restore' }))}
                className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
              >
                {source.active ? t('revoke') : t('restore')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <form onSubmit={onCreate} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className="flex flex-1 flex-col gap-1 text-sm">
          {t('newCode')}
          <input name="code" required pattern="[a-z][a-z0-9_\-]{1,31}" className="min-h-10 rounded-lg border border-slate-300 px-3" />
        </label>
        <label className="flex flex-1 flex-col gap-1 text-sm">
          {t('newName')}
          <input name="name" required minLength={2} maxLength={100} className="min-h-10 rounded-lg border border-slate-300 px-3" />
        </label>
        <button type="submit" disabled={pending} className="min-h-10 rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {t('addSource')}
        </button>
      </form>
    </section>
  );
}
