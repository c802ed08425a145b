'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { claimApiUrl, sendJson, type ApiFailure } from './api';
import { FailureNotice } from './failure-notice';

export type AssigneeOption = { id: string; name: string; openClaims: number };

/** A lead hands the claim to another member of the desk, seeing how much open work each has. */
export function ReassignForm({ number, assigneeId, people }: { number: string; assigneeId: string | null; people: AssigneeOption[] }) {
  const t = useTranslations('claimDesk.reassign');
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setPending(true);
    const answer = await sendJson(claimApiUrl(number, '/assignee'), 'PUT', { assigneeId: chosen });
    setPending(false);
    if (!answer.ok) {
      setFailure(answer);
      return;
    }
    setDone(people.find((p) => p.id === chosen)?.name ?? '');
    setChosen('');
    router.refresh();
  }

  const selectId = `${id}-assignee`;
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-reassign">
      <div>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('hint')}</p>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-2">
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
            {t('label')}
          </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            aria-invalid={missing || undefined}
            className={`min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 text-base ${missing ? 'border-red-600' : 'border-slate-300'}`}
          >
            <option value="">{t('choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id} disabled={p.id === assigneeId}>
                {t(p.id === assigneeId ? 'optionCurrent' : 'option', { name: p.name, count: p.openClaims })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? t('saving') : t('submit')}
        </button>
      </form>
      {missing ? <p className="text-sm text-red-800">{t('required')}</p> : null}
      {failure ? <FailureNotice failure={failure} /> : null}
      {done !== null ? (
        <p role="status" className="text-sm text-green-800">
          {t('done', { name: done })}
        </p>
      ) : null}
    </section>
  );
}
