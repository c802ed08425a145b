import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, dealers, ledgerEntries, syncSources } from '@/drizzle/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { Db } from '@/lib/db';
import type { FileRow } from './accounting-file';
import { ingestBatch } from './ingest';

const SOURCE = 'accounting';

export type PreviewRow = {
  line: number;
  status: 'new' | 'changed' | 'unchanged' | 'invalid';
  documentId?: string;
  dealerCode?: string;
  kind?: string;
  amount?: string;
  previousAmount?: string;
  dueDate?: string | null;
  error?: string;
};

export type Preview = { rows: PreviewRow[]; counts: Record<PreviewRow['status'], number> };

/** "1250.5" and "1250.50" are the same amount: compare as text with two decimals. */
function twoDecimals(amount: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const text = `${whole.replace(/^0+(?=\d)/, '')}.${(fraction + '00').slice(0, 2)}`;
  return negative && text !== '0.00' ? `-${text}` : text;
}

/** What applying the file would do, row by row, without changing anything. */
export async function previewAccountingRows(db: Db, actor: Actor, rows: FileRow[]): Promise<Preview> {
  assertCan(actor, 'finance.import');
  const valid = rows.filter((r): r is Extract<FileRow, { ok: true }> => r.ok);
  const ids = [...new Set(valid.map((r) => r.entry.id))];
  const codes = [...new Set(valid.map((r) => r.entry.dealerCode))];
  const existing = new Map<string, { amount: string; kind: string; date: string; dueDate: string | null; dealerCode: string; orderNumber: string | null; document: string | null }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = await db
      .select({
        documentId: ledgerEntries.documentId,
        amount: ledgerEntries.amount,
        kind: ledgerEntries.kind,
        date: ledgerEntries.date,
        dueDate: ledgerEntries.dueDate,
        dealerCode: dealers.code,
        orderNumber: ledgerEntries.orderNumber,
        document: ledgerEntries.document,
      })
      .from(ledgerEntries)
      .innerJoin(dealers, eq(dealers.id, ledgerEntries.dealerId))
      .where(and(eq(ledgerEntries.source, SOURCE), inArray(ledgerEntries.documentId, chunk)));
    for (const { documentId, ...rest } of found) existing.set(documentId, rest);
  }
  const knownDealers = new Set<string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const found = await db.select({ code: dealers.code }).from(dealers).where(inArray(dealers.code, codes.slice(i, i + 1000)));
    for (const d of found) knownDealers.add(d.code);
  }

  const seenAt = new Map<string, number>();
  const out: PreviewRow[] = rows.map((row) => {
    if (!row.ok) return { line: row.line, status: 'invalid', error: row.error };
    const e = row.entry;
    const base = { line: row.line, documentId: e.id, dealerCode: e.dealerCode, kind: e.kind, amount: twoDecimals(e.amount), dueDate: e.dueDate ?? null };
    const firstLine = seenAt.get(e.id);
    if (firstLine !== undefined) return { ...base, status: 'invalid', error: `document ${e.id} is already on line ${firstLine}` };
    seenAt.set(e.id, row.line);
    if (!knownDealers.has(e.dealerCode)) return { ...base, status: 'invalid', error: `dealer ${e.dealerCode} is not known to the portal` };
    const before = existing.get(e.id);
    if (!before) return { ...base, status: 'new' };
    const same =
      twoDecimals(before.amount) === base.amount &&
      before.kind === e.kind &&
      before.date === e.date &&
      (before.dueDate ?? null) === (e.dueDate ?? null) &&
      before.dealerCode === e.dealerCode &&
      (before.orderNumber ?? null) === (e.orderNumber ?? null) &&
      (before.document ?? null) === (e.document ?? null);
    return same ? { ...base, status: 'unchanged' } : { ...base, status: 'changed', previousAmount: twoDecimals(before.amount) };
  });
  const counts = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  for (const r of out) counts[r.status] += 1;
  return { rows: out, counts };
}

/**
 * Applies the new and changed rows through the sync path of `ledger.entry` (upsert by
 * document, audit, outbox). Each row's event id comes from the file's fingerprint and line, so
 * applying the same file twice changes nothing the second time.
 */
export async function applyAccountingRows(db: Db, actor: Actor, rows: FileRow[], fingerprint: string, now = new Date()) {
  const preview = await previewAccountingRows(db, actor, rows);
  const [source] = await db.select({ id: syncSources.id, code: syncSources.code }).from(syncSources).where(eq(syncSources.code, SOURCE));
  if (!source) throw new Error('The accounting source system is not configured');
  const wanted = new Set(preview.rows.filter((r) => r.status === 'new' || r.status === 'changed').map((r) => r.line));
  const events = rows
    .filter((r): r is Extract<FileRow, { ok: true }> => r.ok && wanted.has(r.line))
    .map((r) => ({ id: `file-${fingerprint}-${r.line}`, type: 'ledger.entry', occurredAt: now.toISOString(), data: r.entry }));
  let accepted = 0;
  let duplicates = 0;
  const rejected: { line: number; error: string }[] = [];
  for (let i = 0; i < events.length; i += 1000) {
    const chunk = events.slice(i, i + 1000);
    const result = await ingestBatch(db, source, chunk);
    accepted += result.accepted;
    duplicates += result.duplicates;
    for (const r of result.rejected) rejected.push({ line: Number(r.id?.split('-').pop()), error: r.error });
  }
  await db.insert(auditLog).values({
    actorKind: 'user',
    actorId: actor.userId,
    action: 'accounting_file.applied',
    entityType: 'accounting_file',
    entityId: fingerprint,
    data: { ...preview.counts, accepted, duplicates, rejected: rejected.length },
  });
  return { counts: preview.counts, accepted, duplicates, rejected };
}
