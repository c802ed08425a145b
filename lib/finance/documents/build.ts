import 'server-only';
import type { Locale } from '@/drizzle/schema/values';
import type { DealerScope } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { getDealerRequisites, getLedgerForDealer } from '@/lib/finance/ledger';
import { factoryRequisites } from './factory';
import { fileNamePart, type DocumentTexts } from './format';
import { ledgerCsv } from './ledger-csv';
import { ledgerXlsx } from './ledger-xlsx';
import type { DocumentPeriod, FinanceDocument } from './period';
import { reconciliationPdf } from './reconciliation-pdf';

// One finance document of the signed-in dealer for a period, ready to send: the reconciliation
// statement, or the statement of account as XLSX or CSV. The ledger and the dealer's details are
// read through the dealer's scope, so nobody gets another dealer's numbers by any link.

export type BuiltDocument = { body: Buffer | string; contentType: string; fileName: string };

const CONTENT_TYPES: Record<FinanceDocument, string> = {
  'reconciliation.pdf': 'application/pdf',
  'ledger.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'ledger.csv': 'text/csv; charset=utf-8',
};

export function documentFileName(document: FinanceDocument, dealerCode: string, period: DocumentPeriod): string {
  const [base, extension] = document.split('.') as [string, string];
  return `${base}-${fileNamePart(dealerCode)}-${period.from}-${period.to}.${extension}`;
}

/** Null when the scope's dealer no longer exists. */
export async function buildFinanceDocument(
  db: DbOrTx,
  scope: DealerScope,
  request: { document: FinanceDocument; period: DocumentPeriod; locale: Locale; t: DocumentTexts; generatedAt?: Date },
): Promise<BuiltDocument | null> {
  const { document, period, locale, t } = request;
  const dealer = await getDealerRequisites(db, scope);
  if (!dealer) return null;
  const ledger = await getLedgerForDealer(db, scope, period);
  const factory = factoryRequisites(locale);
  let body: Buffer | string;
  switch (document) {
    case 'reconciliation.pdf':
      body = await reconciliationPdf(ledger, dealer, { locale, factory, t, generatedAt: request.generatedAt });
      break;
    case 'ledger.xlsx':
      body = await ledgerXlsx(ledger, locale, { t, dealer, creator: factory.legalName });
      break;
    case 'ledger.csv':
      body = ledgerCsv(ledger, locale, t);
      break;
  }
  return { body, contentType: CONTENT_TYPES[document], fileName: documentFileName(document, dealer.code, period) };
}
