import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { isReportKind, reportCsv, reportFileName } from '@/lib/claims/report-csv';
import { periodFromSearchParams } from '@/lib/claims/report-period';
import { getClaimReports } from '@/lib/claims/reports';
import { getDb } from '@/lib/db';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** One report of the claims desk as CSV: `?report=category|kind|profile|dealer|specialist|weeks&from&to`. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'claims.reports')) return apiError('forbidden', 'Only the claims desk may export its reports.');
  const params = new URL(request.url).searchParams;
  const kind = params.get('report');
  if (!isReportKind(kind)) {
    return apiError('bad_request', 'Name the report: category, kind, profile, dealer, specialist or weeks.', { details: { report: 'invalid' } });
  }
  const period = periodFromSearchParams(params);
  try {
    const [reports, t, tCategory, tKind] = await Promise.all([
      getClaimReports(getDb(), actor, period),
      getTranslations('claimsReports'),
      getTranslations('claimCategory'),
      getTranslations('construction.kind'),
    ]);
    const csv = reportCsv(reports, kind, {
      column: (key) => t(`column.${key}`),
      category: (key) => tCategory(key),
      kind: (key) => tKind(key),
      unknown: t('unknown'),
      noProfile: t('noProfile'),
      nobody: t('nobody'),
    });
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportFileName(kind, reports)}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    log.error('claims report export failed', { userId: actor.userId, report: kind, ...period, err });
    return apiError('unavailable', (await getTranslations('claimsReports'))('exportFailed'));
  }
}
