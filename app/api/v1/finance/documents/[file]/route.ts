import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { buildFinanceDocument } from '@/lib/finance/documents/build';
import type { DocumentTexts } from '@/lib/finance/documents/format';
import { isFinanceDocument, MAX_PERIOD_YEARS, parseDocumentPeriod } from '@/lib/finance/documents/period';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/finance/documents/{reconciliation.pdf|ledger.xlsx|ledger.csv}?from=YYYY-MM-DD&to=YYYY-MM-DD:
 * the signed-in dealer's reconciliation statement or statement of account for the period, in the
 * user's language, as a download. Only a dealer's users; always their own dealer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  const { file } = await params;
  if (!isFinanceDocument(file)) return apiError('not_found', 'There is no such document: reconciliation.pdf, ledger.xlsx or ledger.csv.');
  const [t, locale] = await Promise.all([getTranslations('financeDocuments'), getLocale()]);
  if (!isDealerRole(actor.role) || !can(actor, 'finance.readOwnDealer')) return apiError('forbidden', t('notDealer'));

  const parsed = parseDocumentPeriod(new URL(request.url).searchParams);
  if ('error' in parsed) {
    const { field, problem } = parsed.error;
    const message = t(problem, { years: MAX_PERIOD_YEARS });
    return apiError('bad_request', message, { details: { [field]: message } });
  }

  const scope = dealerScopeOf(actor);
  try {
    const built = await buildFinanceDocument(getDb(), scope, {
      document: file,
      period: parsed.period,
      locale: locale as Locale,
      t: t as unknown as DocumentTexts,
    });
    if (!built) return apiError('not_found', 'Your dealer is not in the portal any more.');
    const body = typeof built.body === 'string' ? built.body : new Uint8Array(built.body);
    return new Response(body, {
      headers: {
        'Content-Type': built.contentType,
        'Content-Disposition': `attachment; filename="${built.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    log.error('finance document failed', { userId: actor.userId, dealerId: scope.dealerId, document: file, ...parsed.period, err });
    return apiError('unavailable', t('failed'));
  }
}
