import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { apiError } from '@/lib/http/errors';
import { log } from '@/lib/log';
import { exportFactoryReport } from '@/lib/reports/export';

export const dynamic = 'force-dynamic';

/** One factory report as CSV: `?report=orders|deliveries|claims|receivables&from&to[&plant]`. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'reports.read')) return apiError('forbidden', 'Only the factory’s staff may export its reports.');
  const params = new URL(request.url).searchParams;
  const [t, tPayer] = await Promise.all([getTranslations('factoryReports'), getTranslations('payer')]);
  try {
    const now = new Date();
    const answer = await exportFactoryReport(getDb(), actor, params, {
      now,
      today: factoryToday(now),
      labels: { column: (key) => t(`csvColumn.${key}`), payer: (category) => tPayer(category) },
    });
    if (!answer.ok) {
      const message = answer.problem === 'badReport' ? t('badReport') : answer.problem === 'badPlant' ? t('badPlant') : t('badPeriod');
      return apiError('bad_request', message, { details: { [answer.field]: 'invalid' } });
    }
    return new Response(answer.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${answer.fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    log.error('factory report export failed', { userId: actor.userId, query: params.toString(), err });
    return apiError('unavailable', t('exportFailed'));
  }
}
