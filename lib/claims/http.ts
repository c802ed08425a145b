import 'server-only';
import { NextResponse } from 'next/server';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import { apiError, type ApiErrorCode } from '@/lib/http/errors';
import { guardedApi, readJsonBody } from '@/lib/http/json-api';
import { addClaimMessage, createClaim, reassignClaim } from './actions';
import { claimViewerOf, getClaimDetail, listClaims, type ClaimDetail, type ClaimViewer } from './detail';
import { appealClaim, transitionClaim, withdrawClaim } from './moves';
import { claimListQuerySchema, fieldErrorsOf } from './schemas';
import type { ClaimFailure } from './write';

// The client API for claims (CONTRACT.md section 4), apart from the route files so integration
// tests drive it with real Requests against a real database. Routes pass the signed-in actor.

/** A claim request's body is small JSON; anything larger is not a claim. */
const MAX_BODY_BYTES = 64 * 1024;
const NO_STORE = { 'Cache-Control': 'private, no-store' };

const CODE_OF: Record<ClaimFailure['error'], ApiErrorCode> = { invalid: 'bad_request', forbidden: 'forbidden', not_found: 'not_found', conflict: 'conflict' };

/** The failure as the contract's error; a 409 names why in details.conflict, for clients to word it. */
function failed(failure: ClaimFailure): NextResponse {
  const details: Record<string, string> = { ...failure.fields, ...(failure.reason ? { conflict: failure.reason } : {}) };
  return apiError(CODE_OF[failure.error], failure.message, Object.keys(details).length ? { details } : {});
}

const readJson = (request: Request) => readJsonBody(request, MAX_BODY_BYTES);

/** Runs a handler: 401 without a session, 403 for a forbidden role, 500 (logged) for anything unexpected. */
const guarded = (actor: Actor | null, context: Record<string, unknown>, work: (actor: Actor) => Promise<Response>) =>
  guardedApi(actor, context, { forbidden: 'This role may not work with claims.', failure: 'claims API failed' }, work);

function viewerFor(actor: Actor): ClaimViewer | null {
  if (isDealerRole(actor.role) ? !can(actor, 'claims.file') : !can(actor, 'claims.readAll')) return null;
  return claimViewerOf(actor);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The claim as the API answers it; the desk's clocks and hand-overs only for staff. */
export function claimJson(claim: ClaimDetail, viewer: ClaimViewer) {
  const staff = viewer.kind === 'staff';
  return {
    number: claim.number,
    orderNumber: claim.order.number,
    itemPosition: claim.itemPosition,
    item: claim.item,
    status: claim.status,
    category: claim.category,
    description: claim.description,
    customerAddress: claim.customerAddress,
    customerContact: claim.customerContact,
    damageNotedOnDelivery: claim.damageNotedOnDelivery,
    currency: claim.order.currency,
    ...(staff ? { dealerCode: claim.dealer.code, dealerName: claim.dealer.name, payerCategory: claim.dealer.payerCategory } : {}),
    assignee: claim.assignee ? (staff ? claim.assignee : { name: claim.assignee.name }) : null,
    resolution: claim.resolution,
    appeal: claim.appeal ? { at: claim.appeal.at.toISOString(), reason: claim.appeal.reason } : null,
    ...(staff && claim.sla
      ? {
          sla: {
            firstResponseDueAt: iso(claim.sla.firstResponseDueAt),
            decisionDueAt: iso(claim.sla.decisionDueAt),
            firstResponseAt: iso(claim.sla.firstResponseAt),
            decidedAt: iso(claim.sla.decidedAt),
          },
          assignments: claim.assignments.map((a) => ({ ...a, at: a.at.toISOString() })),
        }
      : {}),
    messages: claim.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    attachments: claim.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    history: claim.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    moves: claim.moves,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
  };
}

async function answerClaim(db: Db, actor: Actor, number: string, status: number, headers: Record<string, string> = {}): Promise<Response> {
  const viewer = claimViewerOf(actor);
  const claim = await getClaimDetail(db, viewer, number);
  if (!claim) throw new Error(`Claim ${number} vanished right after a change`);
  return NextResponse.json(claimJson(claim, viewer), { status, headers: { ...NO_STORE, ...headers } });
}

/** GET /api/v1/claims?status=&limit=&cursor= */
export function handleListClaims(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'GET /api/v1/claims' }, async (me) => {
    const viewer = viewerFor(me);
    if (!viewer) return apiError('forbidden', 'This role may not read claims.');
    const parsed = claimListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return apiError('bad_request', 'The list’s filters are not valid.', { details: fieldErrorsOf(parsed.error) });
    let page;
    try {
      page = await listClaims(db, viewer, parsed.data);
    } catch (err) {
      if (err instanceof RangeError) return apiError('bad_request', 'The list’s filters are not valid.', { details: { cursor: err.message } });
      throw err;
    }
    return NextResponse.json(
      { items: page.items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() })), nextCursor: page.nextCursor },
      { headers: NO_STORE },
    );
  });
}

/** POST /api/v1/claims with the header Idempotency-Key: 201 and the claim (the same claim again for the same key). */
export function handleCreateClaim(request: Request, db: Db, actor: Actor | null): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/claims' }, async (me) => {
    if (!isDealerRole(me.role) || !can(me, 'claims.file')) return apiError('forbidden', 'Only a dealer’s users file claims.');
    const key = request.headers.get('idempotency-key');
    if (key === null) {
      return apiError('bad_request', 'Send an Idempotency-Key header with each new claim, so a retry never files it twice.', {
        details: { 'Idempotency-Key': 'Idempotency-Key is required: a new random key (e.g. a UUID) per claim' },
      });
    }
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const result = await createClaim(db, me, body.body, key);
    if (!result.ok) return failed(result);
    return answerClaim(db, me, result.number, 201, result.created ? {} : { 'Idempotent-Replayed': 'true' });
  });
}

/** GET /api/v1/claims/{number} */
export function handleGetClaim(db: Db, actor: Actor | null, number: string): Promise<Response> {
  return guarded(actor, { route: 'GET /api/v1/claims/{number}', number }, async (me) => {
    const viewer = viewerFor(me);
    if (!viewer) return apiError('forbidden', 'This role may not read claims.');
    const claim = await getClaimDetail(db, viewer, number);
    if (!claim) return apiError('not_found', `There is no claim ${number.slice(0, 32)} among the claims you may see; check the number.`);
    return NextResponse.json(claimJson(claim, viewer), { headers: NO_STORE });
  });
}

/**
 * POST /api/v1/claims/{number}/messages { body, internal? } with an optional header Idempotency-Key
 * → 201 the message (the same message again for the same key, with Idempotent-Replayed: true).
 */
export function handleAddMessage(request: Request, db: Db, actor: Actor | null, number: string): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/claims/{number}/messages', number }, async (me) => {
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const result = await addClaimMessage(db, me, number, body.body, request.headers.get('idempotency-key'));
    if (!result.ok) return failed(result);
    return NextResponse.json(
      { id: result.messageId, number: result.number, internal: result.internal, createdAt: result.createdAt.toISOString(), status: result.status },
      { status: 201, headers: { ...NO_STORE, ...(result.created ? {} : { 'Idempotent-Replayed': 'true' }) } },
    );
  });
}

/** POST /api/v1/claims/{number}/transitions { to, comment?, resolution? } → 200 the claim. */
export function handleTransition(request: Request, db: Db, actor: Actor | null, number: string): Promise<Response> {
  return guarded(actor, { route: 'POST /api/v1/claims/{number}/transitions', number }, async (me) => {
    if (!can(me, 'claims.work')) return apiError('forbidden', 'Only the claims desk moves claims through the workflow.');
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const result = await transitionClaim(db, me, number, body.body);
    if (!result.ok) return failed(result);
    return answerClaim(db, me, result.number, 200);
  });
}

/** POST /api/v1/claims/{number}/withdraw and /appeal { reason } (the claim's dealer) → 200 the claim. */
export function handleDealerMove(request: Request, db: Db, actor: Actor | null, number: string, move: 'withdraw' | 'appeal'): Promise<Response> {
  return guarded(actor, { route: `POST /api/v1/claims/{number}/${move}`, number }, async (me) => {
    if (!isDealerRole(me.role) || !can(me, 'claims.file')) return apiError('forbidden', `Only the claim’s dealer may ${move} it.`);
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const result = await (move === 'withdraw' ? withdrawClaim : appealClaim)(db, me, number, body.body);
    if (!result.ok) return failed(result);
    return answerClaim(db, me, result.number, 200);
  });
}

/** PUT /api/v1/claims/{number}/assignee { assigneeId } (a lead of the desk) → 200 the claim. */
export function handleReassign(request: Request, db: Db, actor: Actor | null, number: string): Promise<Response> {
  return guarded(actor, { route: 'PUT /api/v1/claims/{number}/assignee', number }, async (me) => {
    if (!can(me, 'claims.reassign')) return apiError('forbidden', 'Only a lead of the claims desk reassigns claims.');
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const result = await reassignClaim(db, me, number, body.body);
    if (!result.ok) return failed(result);
    return answerClaim(db, me, result.number, 200);
  });
}
