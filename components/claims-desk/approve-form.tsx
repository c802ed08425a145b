'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { ResolutionKind } from '@/drizzle/schema/values';
import { addDays, factoryToday } from '@/lib/calendar';
import { amountSchema, REASON_MAX_LENGTH, VISIT_MAX_DAYS_AHEAD, type ReplacementScope } from '@/lib/claims/schemas';
import { normaliseAmount } from './amount';
import { claimApiUrl, sendJson, type ApiFailure } from './api';
import { FailureNotice } from './failure-notice';

const KINDS: readonly ResolutionKind[] = ['repair', 'replacement', 'compensation', 'refund'];
type Field = 'kind' | 'visitDate' | 'scope' | 'amount' | 'comment';


const INPUT = 'min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 text-base focus:ring-2 focus:outline-none';
const inputTone = (error: boolean) => (error ? 'border-red-600 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100');

/**
 * The approval names how the claim is settled: a repair visit on a date, a replacement of a part
 * or the whole construction, a compensation of an amount (booked into the dealer's ledger at
 * once), or a refund. A partial one (less than asked) says why.
 */
export function ApproveForm({ number, currency, onDone, onCancel }: { number: string; currency: string; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations('claimDesk.approve');
  const id = useId();
  const [kind, setKind] = useState<ResolutionKind | ''>('');
  const [visitDate, setVisitDate] = useState('');
  const [scope, setScope] = useState<ReplacementScope | ''>('');
  const [amount, setAmount] = useState('');
  const [partial, setPartial] = useState(false);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, true>>>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const today = factoryToday();
  const lastDay = addDays(today, VISIT_MAX_DAYS_AHEAD);
  const partialAllowed = kind === 'compensation' || kind === 'replacement';

  function check(): { errors: Partial<Record<Field, true>>; resolution: Record<string, unknown> | null } {
    const found: Partial<Record<Field, true>> = {};
    let resolution: Record<string, unknown> | null = null;
    switch (kind) {
      case '':
        found.kind = true;
        break;
      case 'repair':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(visitDate) || visitDate < today || visitDate > lastDay) found.visitDate = true;
        resolution = { kind, visitDate };
        break;
      case 'replacement':
        if (!scope) found.scope = true;
        resolution = { kind, scope, partial };
        break;
      case 'compensation': {
        const parsed = amountSchema.safeParse(normaliseAmount(amount));
        if (!parsed.success) found.amount = true;
        resolution = { kind, amount: parsed.success ? parsed.data : amount, partial };
        break;
      }
      case 'refund':
        resolution = { kind };
        break;
    }
    if (partialAllowed && partial && !comment.trim()) found.comment = true;
    return { errors: found, resolution };
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = check();
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length || !checked.resolution) return;
    setPending(true);
    const answer = await sendJson(claimApiUrl(number, '/transitions'), 'POST', {
      to: 'approved',
      resolution: checked.resolution,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    setPending(false);
    if (answer.ok) {
      onDone();
      return;
    }
    const fromServer: Partial<Record<Field, true>> = {};
    for (const key of Object.keys(answer.fields)) {
      const field = key.replace(/^resolution\.?/, '') || 'kind';
      if (field === 'visitDate' || field === 'scope' || field === 'amount' || field === 'kind' || field === 'comment') fromServer[field] = true;
    }
    setErrors(fromServer);
    setFailure(answer);
  }

  const fieldId = (name: Field) => `${id}-${name}`;
  const described = (name: Field, hint = false) => (errors[name] ? `${fieldId(name)}-error` : hint ? `${fieldId(name)}-hint` : undefined);
  const errorText = (name: Field) =>
    errors[name] ? (
      <p id={`${fieldId(name)}-error`} className="text-sm text-red-800" data-testid={`approve-${name}-error`}>
        {t(`errors.${name}`, { max: VISIT_MAX_DAYS_AHEAD })}
      </p>
    ) : null;

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4 rounded-xl border border-green-200 bg-green-50/50 p-3" data-testid="approve-form">
      <fieldset className="flex flex-col gap-2" aria-describedby={described('kind')}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('kind')}</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label key={k} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-green-700 has-[:checked]:bg-green-50">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setErrors({});
                }}
                className="h-4 w-4 accent-green-700"
              />
              <span>{t(`kinds.${k}`)}</span>
            </label>
          ))}
        </div>
        {errorText('kind')}
      </fieldset>

      {kind === 'repair' ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fieldId('visitDate')} className="text-sm font-medium text-slate-800">
            {t('visitDate')}
          </label>
          <input
            id={fieldId('visitDate')}
            type="date"
            min={today}
            max={lastDay}
            value={visitDate}
            onChange={(e) => setVisitDate(e.target.value)}
            aria-invalid={errors.visitDate || undefined}
            aria-describedby={described('visitDate')}
            className={`${INPUT} ${inputTone(!!errors.visitDate)} sm:max-w-xs`}
          />
          {errorText('visitDate')}
        </div>
      ) : null}

      {kind === 'replacement' ? (
        <fieldset className="flex flex-col gap-2" aria-describedby={described('scope')}>
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('scope')}</legend>
          <div className="flex flex-wrap gap-2">
            {(['part', 'whole'] as const).map((s) => (
              <label key={s} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-green-700">
                <input type="radio" name={`${id}-scope`} value={s} checked={scope === s} onChange={() => setScope(s)} className="h-4 w-4 accent-green-700" />
                <span>{t(`scopes.${s}`)}</span>
              </label>
            ))}
          </div>
          {errorText('scope')}
        </fieldset>
      ) : null}

      {kind === 'compensation' ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fieldId('amount')} className="text-sm font-medium text-slate-800">
            {t('amount', { currency })}
          </label>
          <input
            id={fieldId('amount')}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            placeholder="1234.50"
            aria-invalid={errors.amount || undefined}
            aria-describedby={described('amount', true)}
            className={`${INPUT} ${inputTone(!!errors.amount)} tabular-nums sm:max-w-xs`}
            data-testid="approve-amount"
          />
          {errors.amount ? (
            errorText('amount')
          ) : (
            <p id={`${fieldId('amount')}-hint`} className="text-xs text-slate-600">
              {t('amountHint')}
            </p>
          )}
        </div>
      ) : null}

      {partialAllowed ? (
        <label className="flex min-h-11 cursor-pointer items-start gap-2 py-1">
          <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} className="mt-1 h-4 w-4 accent-green-700" />
          <span>
            <span className="font-medium">{t('partial')}</span>
            <span className="block text-xs text-slate-600">{t('partialHint')}</span>
          </span>
        </label>
      ) : null}

      {kind ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fieldId('comment')} className="text-sm font-medium text-slate-800">
            {partialAllowed && partial ? t('reasonPartial') : t('comment')}
          </label>
          <textarea
            id={fieldId('comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            aria-invalid={errors.comment || undefined}
            aria-describedby={described('comment')}
            className={`w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-base focus:ring-2 focus:outline-none ${inputTone(!!errors.comment)}`}
          />
          {errorText('comment')}
          <p className="text-xs text-slate-600">{kind === 'compensation' ? t('ledgerNote') : t('dealerReads')}</p>
        </div>
      ) : null}

      {failure ? <FailureNotice failure={failure} /> : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-green-700 px-4 font-semibold text-white hover:bg-green-800 disabled:opacity-60">
          {pending ? t('saving') : t('submit')}
        </button>
        <button type="button" onClick={onCancel} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
