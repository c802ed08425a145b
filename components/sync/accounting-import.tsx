'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { Preview } from '@/lib/sync/accounting-import';

type Applied = { accepted: number; duplicates: number; rejected: { line: number; error: string }[] };

/** Upload → preview row by row → apply only on confirmation. */
export function AccountingImport() {
  const t = useTranslations('accountingImport');
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(apply: boolean) {
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('chooseFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.set('file', file);
      const response = await fetch(`/api/v1/accounting-file${apply ? '?apply=1' : ''}`, { method: 'POST', body: form });
      const body = await response.json();
      if (!response.ok) {
        setError(body?.error?.message ?? t('failed'));
      } else if (apply) {
        setApplied(body as Applied);
        setPreview(null);
      } else {
        setPreview(body as Preview);
        setApplied(null);
      }
    } catch {
      setError(t('network'));
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t('file')}
          <input
            ref={input}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => {
              setPreview(null);
              setApplied(null);
            }}
            className="text-sm"
          />
        </label>
        <p className="text-xs text-slate-600">{t('columns')}</p>
        <button type="button" disabled={busy} onClick={() => send(false)} className="min-h-10 self-start rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
          {t('preview')}
        </button>
        {error ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">{error}</p> : null}
      </div>

      {preview ? (
        <section className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4" data-testid="import-preview">
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {(['new', 'changed', 'unchanged', 'invalid'] as const).map((status) => (
              <div key={status} className={`rounded-xl p-2 ${status === 'invalid' && preview.counts.invalid ? 'bg-red-50 text-red-900' : 'bg-slate-50'}`} data-testid={`preview-${status}`}>
                <dt className="text-xs">{t(`status.${status}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{preview.counts[status]}</dd>
              </div>
            ))}
          </dl>
          <div className="max-h-96 overflow-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th className="px-2 py-1">{t('line')}</th>
                  <th className="px-2 py-1">{t('document')}</th>
                  <th className="px-2 py-1">{t('dealer')}</th>
                  <th className="px-2 py-1">{t('amount')}</th>
                  <th className="px-2 py-1">{t('result')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.rows.filter((r) => r.status !== 'unchanged').slice(0, 300).map((row) => (
                  <tr key={row.line} data-row-status={row.status}>
                    <td className="px-2 py-1 tabular-nums">{row.line}</td>
                    <td className="px-2 py-1">{row.documentId ?? '—'}</td>
                    <td className="px-2 py-1">{row.dealerCode ?? '—'}</td>
                    <td className="px-2 py-1 tabular-nums">
                      {row.previousAmount ? `${row.previousAmount} → ` : ''}
                      {row.amount ?? '—'}
                    </td>
                    <td className={`px-2 py-1 ${row.status === 'invalid' ? 'text-red-800' : ''}`}>{row.error ?? t(`status.${row.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            disabled={busy || preview.counts.new + preview.counts.changed === 0}
            onClick={() => send(true)}
            className="min-h-10 self-start rounded-lg bg-green-700 px-4 font-medium text-white hover:bg-green-800 disabled:opacity-60"
          >
            {t('apply', { count: preview.counts.new + preview.counts.changed })}
          </button>
        </section>
      ) : null}

      {applied ? (
        <p role="status" className="rounded-2xl border border-green-200 bg-green-50 p-4 text-green-900" data-testid="import-applied">
          {t('applied', { accepted: applied.accepted, rejected: applied.rejected.length })}
        </p>
      ) : null}
    </div>
  );
}
