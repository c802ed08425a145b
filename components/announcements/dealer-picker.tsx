'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export type PickedDealer = { code: string; name: string; region: string | null };

/** Chosen dealers for an announcement: search by code or name, add, remove (sent as `dealerCodes`). */
export function DealerPicker({ initial }: { initial: PickedDealer[] }) {
  const t = useTranslations('announcements');
  const [chosen, setChosen] = useState<PickedDealer[]>(initial);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PickedDealer[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/announcements/dealers?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          setFound(((await response.json()) as { items: PickedDealer[] }).items);
          setFailed(false);
        })
        .catch((err: unknown) => {
          if ((err as Error).name !== 'AbortError') setFailed(true);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const has = (code: string) => chosen.some((d) => d.code === code);
  return (
    <div className="flex flex-col gap-3" data-testid="dealer-picker">
      {chosen.map((d) => (
        <input key={d.code} type="hidden" name="dealerCodes" value={d.code} />
      ))}
      {chosen.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t('chosenDealers')}>
          {chosen.map((d) => (
            <li key={d.code} className="flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900">
              <span>
                {d.code} · {d.name}
              </span>
              <button
                type="button"
                onClick={() => setChosen(chosen.filter((x) => x.code !== d.code))}
                aria-label={t('removeDealer', { code: d.code })}
                className="flex size-8 items-center justify-center rounded-full hover:bg-brand-100"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('noDealersChosen')}</p>
      )}
      <label className="flex flex-col gap-1.5 text-sm text-slate-700">
        {t('findDealer')}
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      {failed ? <p className="text-sm text-red-800">{t('searchFailed')}</p> : null}
      <ul className="flex max-h-64 flex-col divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200" data-testid="dealer-results">
        {found.map((d) => (
          <li key={d.code} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
            <span className="min-w-0 break-words">
              <span className="font-medium">{d.code}</span> · {d.name}
              {d.region ? <span className="text-slate-500"> · {d.region}</span> : null}
            </span>
            <button
              type="button"
              disabled={has(d.code)}
              onClick={() => setChosen([...chosen, d])}
              className="min-h-9 shrink-0 rounded-lg border border-brand-700 px-3 font-medium text-brand-800 hover:bg-brand-50 disabled:border-slate-300 disabled:text-slate-400"
            >
              {has(d.code) ? t('added') : t('add')}
            </button>
          </li>
        ))}
        {found.length === 0 ? <li className="px-3 py-2 text-sm text-slate-600">{t('noDealersFound')}</li> : null}
      </ul>
    </div>
  );
}
