import type { ClaimStatus } from '@/drizzle/schema/values';
import type { ClaimDetail } from '@/lib/claims/detail';

// The claim's history as one timeline, oldest first: every status move (claim_history), every
// message and internal note, every hand-over (audit log) and every batch of photos. Pure, so the
// wording of moves is tested apart from the page.

type Person = ClaimDetail['history'][number]['actor'];

/** A status move as people name it; derived from where it went from and who made it. */
export type TimelineMove =
  | 'filed'
  | 'taken'
  | 'info_requested'
  | 'answered'
  | 'resumed'
  | 'approved'
  | 'rejected'
  | 'resolved'
  | 'closed'
  | 'withdrawn'
  | 'appealed'
  | 'moved';

export type TimelineEntry =
  | { kind: 'status'; at: Date; move: TimelineMove; from: ClaimStatus | null; to: ClaimStatus; comment: string | null; actor: Person }
  | { kind: 'message'; at: Date; internal: boolean; body: string; actor: Person; photos: number }
  | { kind: 'assignment'; at: Date; assigneeName: string | null; byName: string | null; automatic: boolean; taken: boolean }
  | { kind: 'photos'; at: Date; count: number };

const UNDECIDED: readonly ClaimStatus[] = ['submitted', 'in_review', 'info_requested'];

export function moveOf(from: ClaimStatus | null, to: ClaimStatus, actor: Person): TimelineMove {
  if (from === null) return 'filed';
  if (to === 'closed') return UNDECIDED.includes(from) ? 'withdrawn' : 'closed';
  if (from === 'submitted' && to === 'in_review') return 'taken';
  if (from === 'info_requested' && to === 'in_review') return actor?.side === 'dealer' ? 'answered' : 'resumed';
  if (from === 'rejected' && to === 'in_review') return 'appealed';
  if (to === 'info_requested') return 'info_requested';
  if (to === 'approved') return 'approved';
  if (to === 'rejected') return 'rejected';
  if (to === 'resolved') return 'resolved';
  return 'moved';
}

/** Claim photos uploaded within this long of each other are one batch. */
const BATCH_MS = 60_000;
const ORDER: Record<TimelineEntry['kind'], number> = { status: 0, assignment: 1, message: 2, photos: 3 };

export function claimTimeline(claim: Pick<ClaimDetail, 'history' | 'messages' | 'assignments' | 'attachments'>): TimelineEntry[] {
  const entries: TimelineEntry[] = claim.history.map((h) => ({
    kind: 'status',
    at: h.at,
    move: moveOf(h.from, h.to, h.actor),
    from: h.from,
    to: h.to,
    comment: h.comment,
    actor: h.actor,
  }));

  // The desk's question and decision are written into the thread as well: the move already says it.
  const saidByMove = new Set(claim.history.filter((h) => h.comment).map((h) => `${h.at.getTime()}|${h.comment}`));
  const photosOf = new Map<number, number>();
  for (const file of claim.attachments) if (file.messageId !== null) photosOf.set(file.messageId, (photosOf.get(file.messageId) ?? 0) + 1);
  for (const m of claim.messages) {
    if (!m.internal && saidByMove.has(`${m.createdAt.getTime()}|${m.body}`) && !photosOf.has(m.id)) continue;
    entries.push({ kind: 'message', at: m.createdAt, internal: m.internal, body: m.body, actor: m.author, photos: photosOf.get(m.id) ?? 0 });
  }

  for (const a of claim.assignments) {
    entries.push({ kind: 'assignment', at: a.at, assigneeName: a.assigneeName, byName: a.byName, automatic: a.automatic, taken: !a.automatic && a.byName !== null && a.byName === a.assigneeName });
  }

  let batch: Extract<TimelineEntry, { kind: 'photos' }> | null = null;
  let lastAt = 0;
  for (const file of claim.attachments) {
    if (file.messageId !== null) continue;
    if (batch && file.createdAt.getTime() - lastAt <= BATCH_MS) batch.count += 1;
    else entries.push((batch = { kind: 'photos', at: file.createdAt, count: 1 }));
    lastAt = file.createdAt.getTime();
  }

  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || ORDER[a.entry.kind] - ORDER[b.entry.kind] || a.index - b.index)
    .map(({ entry }) => entry);
}
