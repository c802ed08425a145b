import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_CHANNEL } from './constants';
import {
  clearOutbox,
  closeOutboxDb,
  countPending,
  discardItem,
  enqueueAnnouncementRead,
  enqueueClaim,
  enqueueClaimMessage,
  getItem,
  listItems,
  replayOutbox,
  retryItem,
  updateFailedItem,
  type OutboxChange,
  type OutboxClaimItem,
} from './outbox';

// The outbox on an in-memory IndexedDB, replaying over real HTTP to a small server that keeps the
// API's idempotency contract (the same key answers the first answer again, marked replayed) and
// can be told to fail a path: refuse it, answer 5xx, or drop the connection.

type Seen = { path: string; key: string | null; json?: unknown; files?: { field: string; name: string; size: number }[]; messageId?: string | null };
type Fault = { kind: 'refuse'; status: number; message: string; details?: Record<string, string> } | { kind: 'status'; status: number } | { kind: 'drop' } | { kind: 'dropAfterStoring' };

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
const stored = new Map<string, { status: number; body: unknown }>();
/** One fault per request to a path (the first request that matches uses it up). */
const faults: { match: RegExp; fault: Fault }[] = [];
let claims = 0;
let messages = 0;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(res: ServerResponse, status: number, body: unknown, replayed = false) {
  res.writeHead(status, { 'content-type': 'application/json', ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const path = req.url ?? '/';
  const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
  const raw = await readBody(req);
  const entry: Seen = { path, key };
  if (String(req.headers['content-type']).startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
    entry.files = [...form.entries()].filter(([, v]) => typeof v !== 'string').map(([field, v]) => ({ field, name: (v as File).name, size: (v as File).size }));
    entry.messageId = form.get('messageId') as string | null;
  } else if (raw.length) {
    entry.json = JSON.parse(raw.toString('utf8'));
  }
  seen.push(entry);

  const at = faults.findIndex((f) => f.match.test(path));
  const fault = at >= 0 ? faults.splice(at, 1)[0]!.fault : null;
  if (fault?.kind === 'drop') return void res.socket?.destroy();
  if (fault?.kind === 'refuse') return answer(res, fault.status, { error: { code: 'conflict', message: fault.message, details: fault.details ?? {} } });
  if (fault?.kind === 'status') return answer(res, fault.status, { error: { code: 'unavailable', message: 'Try again later.' } });

  if (key && stored.has(key)) {
    const first = stored.get(key)!;
    return answer(res, first.status, first.body, true);
  }
  let body: unknown;
  if (path === '/api/v1/claims') body = { number: String(2600 + (claims += 1)) };
  else if (/\/messages$/.test(path)) body = { id: (messages += 1) };
  else if (/\/attachments$/.test(path)) body = { attachments: [{ id: `a-${seen.length}` }] };
  else if (/\/read$/.test(path)) return answer(res, 200, { read: true });
  else return answer(res, 404, { error: { code: 'not_found', message: 'No such route.' } });
  if (key) stored.set(key, { status: 201, body });
  // The server did the work, and the answer is lost on the way back.
  if (fault?.kind === 'dropAfterStoring') return void res.socket?.destroy();
  answer(res, 201, body);
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeOutboxDb();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  await clearOutbox();
  seen.length = 0;
  faults.length = 0;
});

const photo = (name: string, bytes = 100) => ({ blob: new Blob([new Uint8Array(bytes).fill(7)], { type: 'image/jpeg' }), name, type: 'image/jpeg' });
const claimBody = (description: string) => ({ orderNumber: 'A-1', itemPosition: 1, category: 'defect', description });
const replay = () => replayOutbox({ baseUrl });
let keys = 0;
const key = () => `test-key-${Date.now()}-${(keys += 1)}`;

describe('outbox replay', () => {
  it('sends everything oldest first, one at a time, each with its Idempotency-Key', async () => {
    const claim = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Broken sash'), photos: [photo('one.jpg'), photo('two.jpg', 200)] });
    const message = await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'Any news?' });
    const read = await enqueueAnnouncementRead({ userId: 'u1', announcementId: 7 });
    expect(await countPending('u1')).toBe(3);

    expect(await replay()).toEqual({ sent: 3, failed: 0, stopped: false });
    expect(seen.map((s) => [s.path, s.key])).toEqual([
      ['/api/v1/claims', claim.id],
      [expect.stringMatching(/^\/api\/v1\/claims\/26\d\d\/attachments$/), `${claim.id}:photo:0`],
      [expect.stringMatching(/^\/api\/v1\/claims\/26\d\d\/attachments$/), `${claim.id}:photo:1`],
      ['/api/v1/claims/2500/messages', message.id],
      ['/api/v1/announcements/7/read', read.id],
    ]);
    expect(seen[0]!.json).toEqual(claimBody('Broken sash'));
    expect(seen[1]!.files).toEqual([{ field: 'file', name: 'one.jpg', size: 100 }]);
    expect(seen[2]!.files).toEqual([{ field: 'file', name: 'two.jpg', size: 200 }]);
    expect(seen[3]!.json).toEqual({ body: 'Any news?' });

    const items = await listItems({ userId: 'u1' });
    expect(items.map((i) => i.state)).toEqual(['sent', 'sent', 'sent']);
    expect(items[0]!.progress).toEqual({ claimNumber: seen[1]!.path.split('/')[4], photosSent: 2 });
    expect(await countPending('u1')).toBe(0);
    // Nothing left: a second replay sends nothing.
    await replay();
    expect(seen).toHaveLength(5);
  });

  it('keeps waiting items through a reload (the database closed and opened again)', async () => {
    const first = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Kept one'), photos: [photo('kept.jpg')] });
    await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'Kept two' });
    await closeOutboxDb();

    const after = await listItems();
    expect(after.map((i) => [i.kind, i.state])).toEqual([
      ['claim', 'waiting'],
      ['claim-message', 'waiting'],
    ]);
    const kept = (await getItem(first.id)) as OutboxClaimItem;
    expect(await kept.payload.photos[0]!.blob.arrayBuffer()).toHaveProperty('byteLength', 100);
    expect((await replay()).sent).toBe(2);
  });

  it('takes a replayed 201 for a resend as success: the claim whose answer was lost is not filed twice', async () => {
    const item = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Answer lost'), photos: [] });
    faults.push({ match: /^\/api\/v1\/claims$/, fault: { kind: 'dropAfterStoring' } });
    expect(await replay()).toEqual({ sent: 0, failed: 0, stopped: true });
    expect((await getItem(item.id))!.state).toBe('waiting');
    const filedBefore = claims;

    expect((await replay()).sent).toBe(1);
    expect(claims).toBe(filedBefore);
    expect(seen.map((s) => s.key)).toEqual([item.id, item.id]);
    expect((await getItem(item.id))!.progress.claimNumber).toBe(String(2600 + claims));
  });

  it('resumes a claim at the photo it stopped at, without filing it again', async () => {
    const item = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Half sent'), photos: [photo('a.jpg'), photo('b.jpg'), photo('c.jpg')] });
    faults.push({ match: /\/attachments$/, fault: { kind: 'status', status: 200 } }, { match: /\/attachments$/, fault: { kind: 'drop' } });
    // The first photo "succeeds" (a bare 200), the second is lost.
    expect((await replay()).stopped).toBe(true);
    const half = await getItem(item.id);
    expect(half).toMatchObject({ state: 'waiting', progress: { photosSent: 1 } });

    await closeOutboxDb();
    expect((await replay()).sent).toBe(1);
    expect(seen.map((s) => s.key)).toEqual([item.id, `${item.id}:photo:0`, `${item.id}:photo:1`, `${item.id}:photo:1`, `${item.id}:photo:2`]);
    expect(seen.filter((s) => s.path === '/api/v1/claims')).toHaveLength(1);
  });

  it('marks a refused item failed with the server’s reason, and sends the ones after it', async () => {
    const refused = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Refused'), photos: [] });
    const next = await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'After it' });
    faults.push({ match: /^\/api\/v1\/claims$/, fault: { kind: 'refuse', status: 409, message: 'Order A-1 has not been shipped yet.', details: { conflict: 'order_not_claimable' } } });

    expect(await replay()).toEqual({ sent: 1, failed: 1, stopped: false });
    expect(await getItem(refused.id)).toMatchObject({
      state: 'failed',
      error: { status: 409, code: 'conflict', message: 'Order A-1 has not been shipped yet.', details: { conflict: 'order_not_claimable' } },
    });
    expect((await getItem(next.id))!.state).toBe('sent');
    expect(await countPending()).toBe(1);

    // A failed item is not sent again by itself; corrected, it is.
    await replay();
    expect(seen).toHaveLength(2);
    await updateFailedItem<OutboxClaimItem>(refused.id, { body: claimBody('Refused, then fixed'), photos: [] });
    expect((await replay()).sent).toBe(1);
    expect(seen[2]).toMatchObject({ path: '/api/v1/claims', key: refused.id, json: claimBody('Refused, then fixed') });
    expect(await countPending()).toBe(0);
  });

  it('stops at a network failure and keeps the order for the next replay', async () => {
    const first = await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'First' });
    const second = await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'Second' });
    faults.push({ match: /\/messages$/, fault: { kind: 'drop' } });
    expect(await replay()).toEqual({ sent: 0, failed: 0, stopped: true });
    expect((await listItems()).map((i) => [i.id, i.state])).toEqual([
      [first.id, 'waiting'],
      [second.id, 'waiting'],
    ]);

    // 5xx, 429 and a signed-out session wait too.
    for (const status of [503, 429, 401]) {
      faults.push({ match: /\/messages$/, fault: { kind: 'status', status } });
      expect((await replay()).stopped).toBe(true);
      expect((await getItem(first.id))!.state).toBe('waiting');
    }
    expect(seen.every((s) => s.key === first.id)).toBe(true);

    expect((await replay()).sent).toBe(2);
    expect(seen.slice(-2).map((s) => s.json)).toEqual([{ body: 'First' }, { body: 'Second' }]);
  });

  it('stops when the server is not there at all', async () => {
    await enqueueAnnouncementRead({ userId: 'u1', announcementId: 3 });
    expect(await replayOutbox({ baseUrl: 'http://127.0.0.1:9' })).toEqual({ sent: 0, failed: 0, stopped: true });
    expect((await listItems())[0]!.state).toBe('waiting');
  });

  it('replays only the given user’s items', async () => {
    await enqueueAnnouncementRead({ userId: 'u1', announcementId: 1 });
    await enqueueAnnouncementRead({ userId: 'u2', announcementId: 2 });
    expect(await replayOutbox({ baseUrl, userId: 'u2' })).toMatchObject({ sent: 1 });
    expect(seen.map((s) => s.path)).toEqual(['/api/v1/announcements/2/read']);
    expect(await countPending('u1')).toBe(1);
  });
});

describe('outbox items', () => {
  it('queues one item per key: the same key twice is one item', async () => {
    const id = key();
    await enqueueClaimMessage({ id, userId: 'u1', claimNumber: '2500', body: 'Once' });
    await enqueueClaimMessage({ id, userId: 'u1', claimNumber: '2500', body: 'Once' });
    await enqueueAnnouncementRead({ userId: 'u1', announcementId: 5 });
    await enqueueAnnouncementRead({ userId: 'u1', announcementId: 5 });
    expect(await listItems()).toHaveLength(2);
  });

  it('retries and discards a failed item, and tells other contexts on the channel', async () => {
    const other = new BroadcastChannel(OUTBOX_CHANNEL);
    const heard: OutboxChange[] = [];
    other.onmessage = (event: MessageEvent<OutboxChange>) => heard.push(event.data);
    try {
      const item = await enqueueClaimMessage({ id: key(), userId: 'u1', claimNumber: '2500', body: 'Refused' });
      faults.push({ match: /\/messages$/, fault: { kind: 'refuse', status: 404, message: 'There is no claim 2500 among your claims.' } });
      await replay();
      expect((await getItem(item.id))!.state).toBe('failed');
      await retryItem(item.id);
      expect((await getItem(item.id))!.state).toBe('waiting');
      await discardItem(item.id);
      expect(await getItem(item.id)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toContainEqual({ type: 'added', id: item.id });
      expect(heard.filter((c) => c.type === 'added' && c.id === item.id)).toHaveLength(2);
      expect(heard.at(-1)).toEqual({ type: 'changed', id: item.id });
    } finally {
      other.close();
    }
  });

  it('does not bring back an item discarded while it was being sent', async () => {
    const item = await enqueueClaim({ id: key(), userId: 'u1', body: claimBody('Discarded'), photos: [photo('x.jpg')] });
    const replaying = replay();
    await discardItem(item.id);
    await replaying;
    expect(await getItem(item.id)).toBeUndefined();
  });
});
