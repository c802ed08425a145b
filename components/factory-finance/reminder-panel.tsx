'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import {
  previewRemindersAction,
  sendRemindersAction,
  type ReminderPreviewView,
  type SendState,
} from '@/lib/finance/receivables-actions';
import { REMINDER_FORM_ID } from './reminder-form-id';

type State =
  | { step: 'choose' }
  | { step: 'preview'; previews: ReminderPreviewView[] }
  | { step: 'done'; result: Extract<SendState, { status: 'sent' }>; held: string[] }
  | { step: 'error'; message: string };

const BUTTON = 'min-h-11 rounded-lg px-4 text-sm font-semibold disabled:opacity-60';
const PRIMARY = `${BUTTON} bg-brand-700 text-white hover:bg-brand-800`;
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`;

function boxes(): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${REMINDER_FORM_ID}"]`));
}

/**
 * Reminders to dealers' owners: the dealers ticked in the list (their checkboxes belong to this
 * form), a preview of each reminder in the owner's language, then send. A dealer reminded in the
 * last 24 hours is sent another only when the box saying so is ticked.
 */
export function ReminderPanel() {
  const t = useTranslations('factoryFinance.reminders');
  const tLocale = useTranslations('locale.name');
  const [selected, setSelected] = useState(0);
  const [state, setState] = useState<State>({ step: 'choose' });
  const [again, setAgain] = useState(false);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const count = () => setSelected(boxes().filter((b) => b.checked).length);
    const onChange = (event: Event) => {
      if (event.target instanceof HTMLInputElement && event.target.getAttribute('form') === REMINDER_FORM_ID) count();
    };
    count();
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, []);

  const setAll = (checked: boolean) => {
    for (const box of boxes()) box.checked = checked;
    setSelected(checked ? boxes().length : 0);
  };

  const preview = (form: FormData) => {
    const codes = form.getAll('dealer').filter((v): v is string => typeof v === 'string');
    if (!codes.length) return;
    startTransition(async () => {
      const answer = await previewRemindersAction(codes);
      setAgain(false);
      setState(answer.status === 'ok' ? { step: 'preview', previews: answer.previews } : { step: 'error', message: t(`errors.${answer.error}`) });
    });
  };

  const send = (previews: ReminderPreviewView[]) => {
    const ready = previews.filter((p) => p.status === 'ready');
    const held = again ? [] : ready.filter((p) => p.recent).map((p) => p.code);
    const codes = ready.map((p) => p.code).filter((c) => !held.includes(c));
    if (!codes.length) return;
    startTransition(async () => {
      const answer = await sendRemindersAction({ dealerCodes: codes, confirmRepeat: again });
      if (answer.status === 'sent') {
        setAll(false);
        setState({ step: 'done', result: answer, held });
      } else if (answer.status === 'recent') {
        // Someone else reminded them meanwhile: show the preview again with the news.
        const recent = new Map(answer.recent.map((r) => [r.code, r.lastReminder]));
        setState({ step: 'preview', previews: previews.map((p) => (recent.has(p.code) ? { ...p, recent: true, lastReminder: recent.get(p.code) ?? p.lastReminder } : p)) });
      } else {
        setState({ step: 'error', message: t(`errors.${answer.error}`) });
      }
    });
  };

  const ready = state.step === 'preview' ? state.previews.filter((p) => p.status === 'ready') : [];
  const recent = ready.filter((p) => p.recent);
  const toSend = again ? ready.length : ready.length - recent.length;

  return (
    <section aria-labelledby="reminders-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="reminder-panel">
      <div>
        <h2 id="reminders-title" className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('hint')}</p>
      </div>
      <form id={REMINDER_FORM_ID} action={preview} className="flex flex-wrap items-center gap-2">
        <button type="button" className={SECONDARY} onClick={() => setAll(true)} data-testid="select-all-overdue">
          {t('selectAll')}
        </button>
        {selected > 0 ? (
          <button type="button" className={SECONDARY} onClick={() => setAll(false)}>
            {t('clearSelection')}
          </button>
        ) : null}
        <button type="submit" className={PRIMARY} disabled={pending || selected === 0} data-testid="preview-reminders">
          {t('preview', { count: selected })}
        </button>
      </form>

      {state.step === 'error' ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}

      {state.step === 'done' ? (
        <div role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="reminders-sent">
          <p className="font-semibold">{t('sent', { count: state.result.sent.length })}</p>
          {state.result.sent.some((s) => s.notified === 0) ? <p>{t('notNotified', { codes: state.result.sent.filter((s) => s.notified === 0).map((s) => s.code).join(', ') })}</p> : null}
          {state.held.length ? <p>{t('heldBack', { codes: state.held.join(', ') })}</p> : null}
          {state.result.skipped.length ? <p>{t('skipped', { codes: state.result.skipped.map((s) => s.code).join(', ') })}</p> : null}
        </div>
      ) : null}

      {state.step === 'preview' ? (
        <div className="flex flex-col gap-3" data-testid="reminder-previews">
          <ul className="flex flex-col gap-3">
            {state.previews.map((p) => (
              <li key={p.code} data-dealer={p.code} data-status={p.status} className="rounded-xl border border-slate-200 p-3">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-semibold break-words">
                    {p.name} <span className="font-normal text-slate-600">{p.code}</span>
                  </span>
                  <span className="font-semibold text-red-700 tabular-nums">{p.overdue}</span>
                </p>
                {p.status === 'ready' ? (
                  <>
                    <p className="text-xs text-slate-600">
                      {t('to', { name: p.ownerName ?? '', language: p.ownerLocale ? tLocale(p.ownerLocale) : '' })}
                      {p.owners > 1 ? ` ${t('moreOwners', { count: p.owners - 1 })}` : ''}
                    </p>
                    {p.recent ? (
                      <p className="mt-1 text-sm font-medium text-amber-800" data-testid="recent-warning">
                        {t('recent', { date: p.lastReminder ?? '' })}
                      </p>
                    ) : p.lastReminder ? (
                      <p className="mt-1 text-xs text-slate-600">{t('lastReminder', { date: p.lastReminder })}</p>
                    ) : null}
                    <blockquote className="mt-2 rounded-lg bg-slate-50 p-3 text-sm" lang={p.ownerLocale ?? undefined}>
                      <p className="font-semibold">{p.title}</p>
                      <p className="mt-1 whitespace-pre-line break-words" data-testid="reminder-text">
                        {p.text}
                      </p>
                    </blockquote>
                  </>
                ) : (
                  <p className="mt-1 text-sm text-slate-600">{t(`status.${p.status}`)}</p>
                )}
              </li>
            ))}
          </ul>
          {recent.length ? (
            <label className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              <input type="checkbox" checked={again} onChange={(e) => setAgain(e.target.checked)} className="mt-0.5 h-5 w-5 accent-amber-700" data-testid="confirm-repeat" />
              <span>{t('confirmRepeat', { count: recent.length })}</span>
            </label>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={PRIMARY} disabled={pending || toSend === 0} onClick={() => send(state.previews)} data-testid="send-reminders">
              {pending ? t('sending') : t('send', { count: toSend })}
            </button>
            <button type="button" className={SECONDARY} disabled={pending} onClick={() => setState({ step: 'choose' })}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
