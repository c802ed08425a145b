'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { ClaimStatus } from '@/drizzle/schema/values';
import { REASON_MAX_LENGTH } from '@/lib/claims/schemas';
import { MOVE_RULES, type ClaimMove } from '@/lib/claims/workflow';
import { claimApiUrl, sendJson, type ApiFailure } from './api';
import { ApproveForm } from './approve-form';
import { FailureNotice } from './failure-notice';

/** The desk's moves in the order the buttons stand. */
const DESK_MOVES = ['take', 'request_info', 'resume', 'approve', 'reject', 'resolve', 'close'] as const satisfies readonly ClaimMove[];
type DeskMove = (typeof DESK_MOVES)[number];

const BUTTON = 'min-h-11 rounded-lg px-4 font-semibold disabled:opacity-60';
const STYLE: Record<DeskMove, string> = {
  take: 'bg-brand-700 text-white hover:bg-brand-800',
  request_info: 'border border-brand-700 bg-white text-brand-800 hover:bg-brand-50',
  resume: 'border border-brand-700 bg-white text-brand-800 hover:bg-brand-50',
  approve: 'bg-green-700 text-white hover:bg-green-800',
  reject: 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
  resolve: 'bg-brand-700 text-white hover:bg-brand-800',
  close: 'border border-slate-400 bg-white text-slate-800 hover:bg-slate-50',
};

/**
 * The buttons of the moves this person may make now (the claim's `moves`), each opening what it
 * needs: the reason where the workflow asks for one, the resolution for an approval. A move that
 * someone else's change made impossible meanwhile is said in words, with a refresh.
 */
export function ClaimActions({ number, moves, currency }: { number: string; moves: readonly ClaimMove[]; currency: string }) {
  const t = useTranslations('claimDesk.actions');
  const tStatus = useTranslations('status.claim');
  const router = useRouter();
  const id = useId();
  const available = DESK_MOVES.filter((m) => moves.includes(m));
  const [open, setOpen] = useState<DeskMove | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState<ClaimStatus | null>(null);

  // The claim changed under the page (a refresh): a form for a move no longer possible closes.
  const movesKey = available.join();
  const [seenMoves, setSeenMoves] = useState(movesKey);
  if (seenMoves !== movesKey) {
    setSeenMoves(movesKey);
    if (open && !available.includes(open)) setOpen(null);
    setFailure(null);
  }

  function choose(move: DeskMove) {
    setDone(null);
    setFailure(null);
    setMissing(false);
    if (move === 'take') {
      void send('take');
      return;
    }
    setComment('');
    setOpen(open === move ? null : move);
  }

  async function send(move: DeskMove, text = '') {
    const reasonNeeded = MOVE_RULES[move].reason;
    if (reasonNeeded && !text.trim()) {
      setMissing(true);
      return;
    }
    setPending(true);
    const to = MOVE_RULES[move].to;
    const answer = await sendJson(claimApiUrl(number, '/transitions'), 'POST', { to, ...(text.trim() ? { comment: text.trim() } : {}) });
    setPending(false);
    if (!answer.ok) {
      setFailure(answer);
      if (answer.fields.comment) setMissing(true);
      return;
    }
    finished(to);
  }

  function finished(to: ClaimStatus) {
    setOpen(null);
    setComment('');
    setDone(to);
    router.refresh();
  }

  const commentId = `${id}-comment`;
  const errorId = `${id}-comment-error`;
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="claim-actions">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t('title')}
      </h2>
      {available.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="no-moves">
          {t('none')}
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {available.map((move) => (
            <button
              key={move}
              type="button"
              disabled={pending}
              aria-expanded={move === 'take' ? undefined : open === move}
              onClick={() => choose(move)}
              data-move={move}
              className={`${BUTTON} ${STYLE[move]} ${open === move ? 'ring-2 ring-brand-600 ring-offset-1' : ''}`}
            >
              {pending && move === 'take' ? t('saving') : t(`move.${move}`)}
            </button>
          ))}
        </div>
      )}

      {open === 'approve' ? (
        <ApproveForm number={number} currency={currency} onDone={() => finished('approved')} onCancel={() => setOpen(null)} />
      ) : open ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setFailure(null);
            void send(open, comment);
          }}
          className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-slate-50 p-3"
          data-testid={`move-form-${open}`}
        >
          <label htmlFor={commentId} className="text-sm font-medium text-slate-800">
            {t(`reason.${open}`)}
          </label>
          <textarea
            id={commentId}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            required={MOVE_RULES[open].reason}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? errorId : undefined}
            className={`w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-base focus:ring-2 focus:outline-none ${
              missing ? 'border-red-600 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
            }`}
          />
          {missing ? (
            <p id={errorId} className="text-sm text-red-800">
              {t('reasonRequired')}
            </p>
          ) : null}
          {MOVE_RULES[open].reason ? <p className="text-xs text-slate-600">{t('dealerReads')}</p> : null}
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className={`${BUTTON} ${STYLE[open].includes('bg-white') ? 'bg-brand-700 text-white hover:bg-brand-800' : STYLE[open]}`}>
              {pending ? t('saving') : t(`confirm.${open}`)}
            </button>
            <button type="button" onClick={() => setOpen(null)} className={`${BUTTON} border border-slate-300 bg-white font-medium text-slate-800 hover:bg-slate-50`}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}

      {failure ? <FailureNotice failure={failure} /> : null}
      {done ? (
        <p role="status" className="text-sm text-green-800" data-testid="move-done">
          {t('done', { status: tStatus(done) })}
        </p>
      ) : null}
    </section>
  );
}
