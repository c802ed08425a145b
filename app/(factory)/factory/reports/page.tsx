import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { ClaimsReport } from '@/components/factory-reports/claims-report';
import { DeliveriesReport } from '@/components/factory-reports/deliveries-report';
import { OrdersReport } from '@/components/factory-reports/orders-report';
import { FactoryReportPicker } from '@/components/factory-reports/period-picker';
import { ReceivablesReport } from '@/components/factory-reports/receivables-report';
import { FactoryReportSection } from '@/components/factory-reports/report-section';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { factoryToday } from '@/lib/calendar';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/i18n/format';
import type { FactoryReportKind } from '@/lib/reports/csv';
import { getClaimsKpis, getDeliveries, getOrdersFlow, getReceivablesSummary, listReportPlants } from '@/lib/reports/factory';
import { reportParamsFromSearchParams, reportsHref } from '@/lib/reports/period';

const BASE = '/factory/reports';
const EXPORT = '/factory/reports/export';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('factoryReports'))('title') };
}

export default async function FactoryReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'reports.read')) redirect('/factory');
  const db = getDb();
  const now = new Date();
  const today = factoryToday(now);
  const params = reportParamsFromSearchParams(await searchParams, now);
  const plants = await listReportPlants(db, actor);
  const problems = [...params.problems];
  // A plant that is not there: say so and show all of them (the CSV link answers 400 instead).
  let plantId = params.plantId;
  if (plantId !== null && !plants.some((p) => p.id === plantId)) {
    plantId = null;
    problems.push('badPlant');
  }
  const { period } = params;
  const [t, locale, flow, deliveries, kpis, receivables] = await Promise.all([
    getTranslations('factoryReports'),
    getLocale() as Promise<Locale>,
    getOrdersFlow(db, actor, period, plantId),
    getDeliveries(db, actor, period, plantId),
    getClaimsKpis(db, actor, period, now),
    getReceivablesSummary(db, actor, today),
  ]);
  const plantName = plantId === null ? t('allPlants') : (plants.find((p) => p.id === plantId)?.name ?? '');
  const csv = (report: FactoryReportKind) => reportsHref(EXPORT, period, report === 'orders' || report === 'deliveries' ? plantId : null, { report });
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="text-sm text-slate-600" data-testid="factory-report-intro">
          {t('intro', { from: formatDate(period.from, locale), to: formatDate(period.to, locale), plant: plantName })}
        </p>
      </div>
      {problems.length ? (
        <ul role="status" className="flex flex-col gap-1 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="factory-report-problems">
          {[...new Set(problems)].map((problem) => (
            <li key={problem}>{t(`problem.${problem}`, { to: formatDate(period.to, locale) })}</li>
          ))}
        </ul>
      ) : null}
      <FactoryReportPicker base={BASE} period={period} plantId={plantId} plants={plants} now={now} />
      <FactoryReportSection id="orders" title={t('orders.title')} hint={t('orders.hint')} csvHref={csv('orders')}>
        <OrdersReport flow={flow} />
      </FactoryReportSection>
      <FactoryReportSection id="deliveries" title={t('deliveries.title')} hint={t('deliveries.hint')} csvHref={csv('deliveries')}>
        <DeliveriesReport deliveries={deliveries} />
      </FactoryReportSection>
      <div className="grid min-w-0 grid-cols-1 gap-4 2xl:grid-cols-2">
        <FactoryReportSection id="claims" title={t('claims.title')} hint={t('claims.hint')} csvHref={csv('claims')}>
          <ClaimsReport kpis={kpis} />
        </FactoryReportSection>
        <FactoryReportSection
          id="receivables"
          title={t('receivables.title')}
          hint={t('receivables.hint', { date: formatDate(receivables.today, locale) })}
          csvHref={csv('receivables')}
        >
          <ReceivablesReport summary={receivables} />
        </FactoryReportSection>
      </div>
    </div>
  );
}
