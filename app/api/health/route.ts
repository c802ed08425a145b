import { NextResponse } from 'next/server';
import { getDatabase } from '@/lib/db';
import { countMails } from '@/lib/mail/queries';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

const TIMEOUT_MS = 3_000;

/** 200 { status: "ok" } while the database answers; 503 naming the failing part when not. */
export async function GET(request: Request) {
  const started = performance.now();
  try {
    await Promise.race([
      getDatabase().query('select 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
    ]);
    const ms = Math.round(performance.now() - started);
    // The outgoing mail queue, for monitoring: mails waiting and mails that failed for good.
    const mails = await countMails(getDatabase().db).then(
      (c) => ({ pending: c.pending + c.sending, failed: c.failed }),
      (err: unknown) => {
        log.warn('health check: mail counts unavailable', { err });
        return undefined;
      },
    );
    return NextResponse.json(
      { status: 'ok', checks: { database: { status: 'ok', ms } }, ...(mails ? { mail: mails } : {}) },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (err) {
    log.error('health check failed', { requestId: request.headers.get('x-request-id'), part: 'database', err });
    return NextResponse.json(
      {
        status: 'error',
        failing: 'database',
        checks: { database: { status: 'error', message: err instanceof Error ? err.message : String(err) } },
      },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
