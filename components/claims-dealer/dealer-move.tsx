'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { REASON_MAX_LENGTH } from '@/lib/claims/schemas';
import { postJson } from './api';
import { textFailureSaid, type Said } from './claim-errors';
import { Alert, TextAreaField } from './form-controls';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from './styles';

/**
 * The dealer's own moves on his claim: withdraw it before a decision, or appeal a rejection once.
 * Shown only when the claim's `moves` allow it; both ask why, and nothing happens until he
 * confirms with the reason written.
 */
export function DealerMove({ number, move }: { number: string; move: 'withdraw' | 'appeal' }) {
  const t = useTranslations(`claimsDealer.${move}`);
  const te = useTranslations('claimsDealer.errors');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<Said | null>(null);
  const [problem, setProblem] = useState<Said | null>(null);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    setProblem(null);
    if (reason.trim() === '') {
      setFieldError({ key: 'field.reason' });
      return;
    }
    busy.current = true;
    setSending(true);
    try {
      const answer = await postJson(`/api/v1/claims/${encodeURIComponent(number)}/${move}`, { reason });
      if (!answer.ok) {
        const said = textFailureSaid(answer, 'reason');
        setFieldError(said.field ?? null);
        setProblem(said.general ?? null);
        // Moved on meanwhile: the page shows where it stands now.
        if (answer.status === 409) router.refresh();
        return;
      }
      setOpen(false);
      setReason('');
      router.refresh();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${SECONDARY_BUTTON} self-start`} data-testid={`${move}-open`}>
        {t('open')}
      </button>
    );
  }
  return (
    <form onSubmit={confirm} noValidate className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-slate-50 p-3" data-testid={`${move}-form`}>
      <p className="text-sm text-slate-800">{t('explain', { number })}</p>
      <TextAreaField
        id={`claim-${move}-reason`}
        label={t('reason')}
        error={fieldError ? te(fieldError.key, fieldError.values) : undefined}
        value={reason}
        maxLength={REASON_MAX_LENGTH}
        rows={3}
        disabled={sending}
        onChange={(e) => {
          setReason(e.target.value);
          if (fieldError) setFieldError(null);
        }}
      />
      {problem ? (
        <Alert>
          <p>{te(problem.key, problem.values)}</p>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={sending} className={PRIMARY_BUTTON} data-testid={`${move}-confirm`}>
          {sending ? t('sending') : t('confirm', { number })}
        </button>
        <button type="button" disabled={sending} onClick={() => setOpen(false)} className={SECONDARY_BUTTON}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
