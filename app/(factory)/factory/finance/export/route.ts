import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listReceivables } from '@/lib/finance/receivables';
import { receivablesCsv, receivablesFileName } from '@/lib/finance/receivables-csv';
import { receivablesFilterFromSearchParams } from '@/lib/finance/receivables-filter';
import { apiError } from '@/lib/http/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

/** The receivables list under the page's filters and sort (same query string), every page, as CSV. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'finance.readAll')) return apiError('forbidden', 'Only the factory’s staff may export receivables.');
  const filter = receivablesFilterFromSearchParams(new URL(request.url).searchParams);
  try {
    const [list, t, tPayer, locale] = await Promise.all([
      listReceivables(getDb(), actor, filter, { pageSize: null }),
      getTranslations('factoryFinance'),
      getTranslations('payer'),
      getLocale() as Promise<Locale>,
    ]);
    const csv = receivablesCsv(list, {
      column: (key) => t(`csv.${key}`),
      payer: (category) => tPayer(category),
      total: t('csv.total'),
      dateTime: (value) => formatDateTime(value, locale),
    });
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${receivablesFileName(list.today)}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (err) {
    log.error('receivables export failed', { userId: actor.userId, filter, err });
    return apiError('unavailable', (await getTranslations('factoryFinance'))('exportFailed'));
  }
}
