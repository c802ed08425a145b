import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { factoryToday } from '@/lib/calendar';
import { PERIOD_PRESETS, presetPeriod, reportHref, type ReportPeriod } from '@/lib/claims/report-period';

const INPUT =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';

/** The reports' period: quick periods as links and two days in a plain GET form. */
export async function ReportPeriodPicker({ base, period, now }: { base: string; period: ReportPeriod; now: Date }) {
  const t = await getTranslations('claimsReports');
  const today = factoryToday(now);
  return (
    <section aria-label={t('period')} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4">
      <nav aria-label={t('presets')} className="flex flex-wrap gap-2">
        {PERIOD_PRESETS.map((preset) => {
          const p = presetPeriod(preset, today);
          const current = p.from === period.from && p.to === period.to;
          return (
            <Link
              key={preset}
              href={reportHref(base, p)}
              prefetch={false}
              aria-current={current ? 'page' : undefined}
              data-testid={`report-preset-${preset}`}
              className={`inline-flex min-h-11 items-center rounded-full border px-3.5 text-sm font-medium whitespace-nowrap ${
                current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
              }`}
            >
              {t(`preset.${preset}`)}
            </Link>
          );
        })}
      </nav>
      <Form key={`${period.from}:${period.to}`} action={base} className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[12rem_12rem_auto]" data-testid="report-period-form">
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="report-from" className="text-sm font-medium text-slate-700">
            {t('from')}
          </label>
          <input id="report-from" name="from" type="date" required defaultValue={period.from} max={today} className={INPUT} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="report-to" className="text-sm font-medium text-slate-700">
            {t('to')}
          </label>
          <input id="report-to" name="to" type="date" required defaultValue={period.to} className={INPUT} />
        </div>
        <button type="submit" className="col-span-2 min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 sm:col-span-1 sm:w-fit">
          {t('apply')}
        </button>
        <p className="col-span-2 text-xs text-slate-600 sm:col-span-3">{t('periodHint')}</p>
      </Form>
    </section>
  );
}
