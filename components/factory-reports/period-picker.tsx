import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { factoryToday } from '@/lib/calendar';
import { FACTORY_PERIOD_PRESETS, presetPeriod, reportsHref, type ReportPeriod } from '@/lib/reports/period';
import type { ReportPlant } from '@/lib/reports/factory';

const INPUT =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';

/** The reports' period and plant: quick periods as links (keeping the plant) and a plain GET form. */
export async function FactoryReportPicker({
  base,
  period,
  plantId,
  plants,
  now,
}: {
  base: string;
  period: ReportPeriod;
  plantId: number | null;
  plants: ReportPlant[];
  now: Date;
}) {
  const t = await getTranslations('factoryReports');
  const today = factoryToday(now);
  return (
    <section aria-label={t('period')} className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <nav aria-label={t('presets')} className="flex flex-wrap gap-2">
        {FACTORY_PERIOD_PRESETS.map((preset) => {
          const p = presetPeriod(preset, today);
          const current = p.from === period.from && p.to === period.to;
          return (
            <Link
              key={preset}
              href={reportsHref(base, p, plantId)}
              prefetch={false}
              aria-current={current ? 'page' : undefined}
              data-testid={`factory-report-preset-${preset}`}
              className={`inline-flex min-h-11 items-center rounded-full border px-3.5 text-sm font-medium whitespace-nowrap ${
                current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
              }`}
            >
              {t(`preset.${preset}`)}
            </Link>
          );
        })}
      </nav>
      <Form
        key={`${period.from}:${period.to}:${plantId ?? 'all'}`}
        action={base}
        className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[11rem_11rem_minmax(0,14rem)_auto]"
        data-testid="factory-report-form"
      >
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="factory-report-from" className="text-sm font-medium text-slate-700">
            {t('from')}
          </label>
          <input id="factory-report-from" name="from" type="date" required defaultValue={period.from} className={INPUT} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="factory-report-to" className="text-sm font-medium text-slate-700">
            {t('to')}
          </label>
          <input id="factory-report-to" name="to" type="date" required defaultValue={period.to} className={INPUT} />
        </div>
        <div className="col-span-2 flex min-w-0 flex-col gap-1.5 sm:col-span-1">
          <label htmlFor="factory-report-plant" className="text-sm font-medium text-slate-700">
            {t('plant')}
          </label>
          <select id="factory-report-plant" name="plant" defaultValue={plantId === null ? 'all' : String(plantId)} className={INPUT}>
            <option value="all">{t('allPlantsOption')}</option>
            {plants.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="col-span-2 min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 sm:col-span-1 sm:w-fit">
          {t('apply')}
        </button>
        <p className="col-span-2 text-xs text-slate-600 sm:col-span-4">{t('periodHint')}</p>
      </Form>
    </section>
  );
}
