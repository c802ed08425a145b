import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type ClaimStatus } from '@/drizzle/schema/values';
import { allowedMoves, checkMessage, checkMove, CLAIM_MOVES, deskMoveTo, type ClaimMove, type WorkflowActor, type WorkflowClaim } from './workflow';

const dealer: WorkflowActor = { userId: 'u-dealer', role: 'dealer_owner', dealerId: 1 };
const dealerStaff: WorkflowActor = { userId: 'u-staff', role: 'dealer_staff', dealerId: 1 };
const otherDealer: WorkflowActor = { userId: 'u-other', role: 'dealer_owner', dealerId: 2 };
const specialist: WorkflowActor = { userId: 'u-claims', role: 'claims', dealerId: null };
const colleague: WorkflowActor = { userId: 'u-claims2', role: 'claims', dealerId: null };
const lead: WorkflowActor = { userId: 'u-admin', role: 'admin', dealerId: null };
const factory: WorkflowActor = { userId: 'u-factory', role: 'factory', dealerId: null };

const claim = (status: ClaimStatus, extra: Partial<WorkflowClaim> = {}): WorkflowClaim => ({ status, dealerId: 1, assigneeId: specialist.userId, appealedAt: null, ...extra });

/** The whole table: status → the moves its specialist and its dealer may make. */
const EXPECTED: Record<ClaimStatus, { desk: ClaimMove[]; dealer: ClaimMove[] }> = {
  submitted: { desk: ['take'], dealer: ['withdraw'] },
  in_review: { desk: ['request_info', 'approve', 'reject'], dealer: ['withdraw'] },
  info_requested: { desk: ['resume'], dealer: ['answer', 'withdraw'] },
  approved: { desk: ['resolve'], dealer: [] },
  rejected: { desk: ['close'], dealer: ['appeal'] },
  resolved: { desk: ['close'], dealer: [] },
  closed: { desk: [], dealer: [] },
};

describe('claims workflow', () => {
  it.each(CLAIM_STATUSES)('from %s allows exactly the table’s moves', (status) => {
    expect(allowedMoves(claim(status), specialist)).toEqual(EXPECTED[status].desk);
    expect(allowedMoves(claim(status), dealer)).toEqual(EXPECTED[status].dealer);
    expect(allowedMoves(claim(status), dealerStaff)).toEqual(EXPECTED[status].dealer);
    // The lead may do the desk's moves on anyone's claim.
    expect(allowedMoves(claim(status), lead)).toEqual(EXPECTED[status].desk);
    expect(allowedMoves(claim(status), factory)).toEqual([]);
    expect(allowedMoves(claim(status), otherDealer)).toEqual([]);
  });

  it('refuses every other move from every status, saying why', () => {
    for (const status of CLAIM_STATUSES) {
      for (const move of CLAIM_MOVES) {
        const desk = checkMove(claim(status), specialist, move);
        if (EXPECTED[status].desk.includes(move)) expect(desk.ok).toBe(true);
        else expect(desk).toEqual({ ok: false, refusal: ['answer', 'withdraw', 'appeal'].includes(move) ? 'forbidden' : 'wrong_status' });
        const own = checkMove(claim(status), dealer, move);
        if (EXPECTED[status].dealer.includes(move)) expect(own.ok).toBe(true);
        else expect(own).toEqual({ ok: false, refusal: ['answer', 'withdraw', 'appeal'].includes(move) ? 'wrong_status' : 'forbidden' });
      }
    }
  });

  it('moves to the statuses of the contract', () => {
    const to = (status: ClaimStatus, actor: WorkflowActor, move: ClaimMove) => {
      const check = checkMove(claim(status), actor, move);
      return check.ok ? check.to : check.refusal;
    };
    expect(to('submitted', specialist, 'take')).toBe('in_review');
    expect(to('in_review', specialist, 'request_info')).toBe('info_requested');
    expect(to('info_requested', dealer, 'answer')).toBe('in_review');
    expect(to('info_requested', specialist, 'resume')).toBe('in_review');
    expect(to('in_review', specialist, 'approve')).toBe('approved');
    expect(to('in_review', specialist, 'reject')).toBe('rejected');
    expect(to('approved', specialist, 'resolve')).toBe('resolved');
    expect(to('resolved', specialist, 'close')).toBe('closed');
    expect(to('rejected', specialist, 'close')).toBe('closed');
    expect(to('rejected', dealer, 'appeal')).toBe('in_review');
    expect(to('in_review', dealer, 'withdraw')).toBe('closed');
  });

  it('lets a claim be appealed once', () => {
    expect(checkMove(claim('rejected', { appealedAt: new Date() }), dealer, 'appeal')).toEqual({ ok: false, refusal: 'appeal_used' });
    expect(allowedMoves(claim('rejected', { appealedAt: '2026-11-01T10:00:00Z' }), dealer)).toEqual([]);
  });

  it('keeps a specialist to his own claims, except taking a new one', () => {
    expect(checkMove(claim('in_review'), colleague, 'approve')).toEqual({ ok: false, refusal: 'not_assignee' });
    expect(allowedMoves(claim('in_review'), colleague)).toEqual([]);
    expect(checkMove(claim('submitted'), colleague, 'take')).toEqual({ ok: true, to: 'in_review', takes: true });
    expect(checkMove(claim('submitted'), specialist, 'take')).toEqual({ ok: true, to: 'in_review', takes: false });
    // An unassigned claim is anyone's on the desk, and becomes his.
    expect(checkMove(claim('in_review', { assigneeId: null }), colleague, 'reject')).toEqual({ ok: true, to: 'rejected', takes: true });
    // The lead acts without taking the claim over.
    expect(checkMove(claim('in_review'), lead, 'approve')).toEqual({ ok: true, to: 'approved', takes: false });
  });

  it('never lets another dealer move a claim', () => {
    for (const move of CLAIM_MOVES) expect(checkMove(claim('info_requested'), otherDealer, move)).toEqual({ ok: false, refusal: 'forbidden' });
  });

  it('names the desk’s move for a status the transitions API asks for', () => {
    expect(deskMoveTo('submitted', 'in_review')).toBe('take');
    expect(deskMoveTo('info_requested', 'in_review')).toBe('resume');
    expect(deskMoveTo('rejected', 'in_review')).toBeNull();
    expect(deskMoveTo('in_review', 'closed')).toBeNull();
    expect(deskMoveTo('resolved', 'closed')).toBe('close');
    expect(deskMoveTo('submitted', 'approved')).toBeNull();
    expect(deskMoveTo('in_review', 'submitted')).toBeNull();
  });

  it('lets each side write where it may', () => {
    expect(checkMessage(claim('in_review'), dealer, false)).toEqual({ ok: true });
    expect(checkMessage(claim('in_review'), dealer, true)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(checkMessage(claim('in_review'), otherDealer, false)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(checkMessage(claim('in_review'), specialist, true)).toEqual({ ok: true });
    expect(checkMessage(claim('in_review'), factory, true)).toEqual({ ok: true });
    expect(checkMessage(claim('in_review'), factory, false)).toEqual({ ok: false, refusal: 'forbidden' });
    expect(checkMessage(claim('closed'), dealer, false)).toEqual({ ok: false, refusal: 'claim_closed' });
    expect(checkMessage(claim('closed'), specialist, true)).toEqual({ ok: true });
  });
});
