import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { ReportGroups } from '@/components/claims/report-groups';
import { ReportPeriodPicker } from '@/components/claims/report-period-picker';
import { ReportSection } from '@/components/claims/report-section';
import { ReportTotals } from '@/components/claims/report-totals';
import { ReportWeeks } from '@/components/claims/report-weeks';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import type { ReportKind } from '@/lib/claims/report-csv';
import { periodFromSearchParams, reportHref } from '@/lib/claims/report-period';
import { getClaimReports } from '@/lib/claims/reports';
import { getDb } from '@/lib/db';
import { getPayerCategoriesByCode } from '@/lib/finance/payer-category';
import { formatDate } from '@/lib/i18n/format';

const BASE = '/claims/reports';
const EXPORT = '/claims/reports/export';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('claimsReports'))('title') };
}

export default async function ClaimsReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('claims');
  if (!can(actor, 'claims.reports')) notFound();
  const now = new Date();
  const period = periodFromSearchParams(await searchParams, now);
  const [t, tCategory, tKind, locale, reports] = await Promise.all([
    getTranslations('claimsReports'),
    getTranslations('claimCategory'),
    getTranslations('construction.kind'),
    getLocale() as Promise<Locale>,
    getClaimReports(getDb(), actor, period, now),
  ]);
  const payer = await getPayerCategoriesByCode(getDb(), actor, reports.byDealer.map((g) => g.key));
  const csv = (report: ReportKind) => reportHref(EXPORT, period, { report });
  const sections = [
    {
      id: 'category' as const,
      groups: reports.byCategory.map((g) => ({ ...g, name: tCategory(g.key) })),
      column: t('column.category'),
    },
    { id: 'kind' as const, groups: reports.byKind.map((g) => ({ ...g, name: g.key ? tKind(g.key) : t('unknown') })), column: t('column.kind') },
    { id: 'profile' as const, groups: reports.byProfile.map((g) => ({ ...g, name: g.key || t('noProfile') })), column: t('column.profile') },
    { id: 'dealer' as const, groups: reports.byDealer.map((g) => ({ ...g, name: g.label ?? g.key, sub: g.key, payer: payer.get(g.key) })), column: t('column.dealer') },
    { id: 'specialist' as const, groups: reports.bySpecialist.map((g) => ({ ...g, name: g.key ? (g.label ?? '') : t('nobody') })), column: t('column.specialist') },
  ];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="text-sm text-slate-600" data-testid="report-intro">
          {t('intro', { from: formatDate(period.from, locale), to: formatDate(period.to, locale) })}
        </p>
      </div>
      <ReportPeriodPicker base={BASE} period={period} now={now} />
      <ReportTotals totals={reports.totals} />
      <ReportSection id="weeks" title={t('section.weeks')} hint={t('weeksHint')} csvHref={csv('weeks')}>
        <ReportWeeks weeks={reports.weeks} title={t('section.weeks')} />
      </ReportSection>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {sections.map((s) => (
          <ReportSection key={s.id} id={s.id} title={t(`section.${s.id}`)} csvHref={csv(s.id)}>
            <ReportGroups groups={s.groups} nameColumn={s.column} />
          </ReportSection>
        ))}
      </div>
    </div>
  );
}
