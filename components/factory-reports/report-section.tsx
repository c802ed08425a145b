import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

/** One report: its title and what it counts, a CSV download of it, and the report itself. */
export async function FactoryReportSection({
  id,
  title,
  hint,
  csvHref,
  children,
}: {
  id: string;
  title: string;
  hint?: ReactNode;
  csvHref: string;
  children: ReactNode;
}) {
  const t = await getTranslations('factoryReports');
  return (
    <section aria-labelledby={`factory-report-${id}-title`} className="flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4" data-testid={`factory-report-${id}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`factory-report-${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        </div>
        <a
          href={csvHref}
          download
          aria-label={t('csvLabel', { report: title })}
          data-testid={`factory-report-${id}-csv`}
          className="inline-flex min-h-11 shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M10 3v10m-4-4 4 4 4-4M4 16h12" />
          </svg>
          {t('csv')}
        </a>
      </div>
      {children}
    </section>
  );
}
