import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/drizzle/schema/values';
import { formatDate } from '@/lib/i18n/format';
import { documentHref, type FinanceDocument } from '@/lib/finance/documents/period';

// The downloads of the shown period: the reconciliation statement as PDF and the statement of
// account as Excel and CSV. Plain links (the server makes each file in the user's language), so
// it works in a server or a client component and on a phone with a weak network.

const LINKS: readonly { document: FinanceDocument; label: string; testId: string; primary?: boolean }[] = [
  { document: 'reconciliation.pdf', label: 'reconciliationPdf', testId: 'download-reconciliation-pdf', primary: true },
  { document: 'ledger.xlsx', label: 'ledgerXlsx', testId: 'download-ledger-xlsx' },
  { document: 'ledger.csv', label: 'ledgerCsv', testId: 'download-ledger-csv' },
];

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 3v10m-4-4 4 4 4-4M4 16h12" />
    </svg>
  );
}

/** Download links of the finance documents for the period `from`..`to` (YYYY-MM-DD, both included). */
export function FinanceDocuments({ from, to }: { from: string; to: string }) {
  const t = useTranslations('financeDocuments.panel');
  const locale = useLocale() as Locale;
  const period = { from, to };
  return (
    <section aria-labelledby="finance-documents-title" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4" data-testid="finance-documents">
      <h2 id="finance-documents-title" className="text-base font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('period', { from: formatDate(from, locale), to: formatDate(to, locale) })}</p>
      <p className="mt-1 text-sm text-slate-600">{t('hint')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {LINKS.map((link) => (
          <a
            key={link.document}
            href={documentHref(link.document, period)}
            download
            data-testid={link.testId}
            className={
              link.primary
                ? 'inline-flex min-h-11 min-w-0 items-center gap-1.5 rounded-lg bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800'
                : 'inline-flex min-h-11 min-w-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100'
            }
          >
            <DownloadIcon />
            <span className="min-w-0">{t(link.label)}</span>
          </a>
        ))}
      </div>
    </section>
  );
}
