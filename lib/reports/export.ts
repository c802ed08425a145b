import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/assert';
import type { DbOrTx } from '@/lib/db';
import { factoryReportCsv, factoryReportFileName, isFactoryReportKind, type FactoryCsvLabels, type FactoryReportData } from './csv';
import { getClaimsKpis, getDeliveries, getOrdersFlow, getReceivablesSummary, listReportPlants } from './factory';
import { reportParamsFromSearchParams } from './period';

// A factory report as a CSV file, from the export link's query string. A link that names no
// report, an unreadable period or a plant that is not there is refused with the reason (the route
// answers 400), never guessed: a file should hold what its name says.

export type ExportAnswer =
  | { ok: true; csv: string; fileName: string }
  | { ok: false; problem: 'badReport' | 'badPeriod' | 'badPlant'; field: 'report' | 'from' | 'plant' };

export async function exportFactoryReport(
  db: DbOrTx,
  actor: Actor | null,
  params: URLSearchParams,
  options: { now: Date; today: string; labels: FactoryCsvLabels },
): Promise<ExportAnswer> {
  assertCan(actor, 'reports.read');
  const kind = params.get('report');
  if (!isFactoryReportKind(kind)) return { ok: false, problem: 'badReport', field: 'report' };
  const { period, plantId, problems } = reportParamsFromSearchParams(params, options.now);
  if (problems.includes('badPeriod')) return { ok: false, problem: 'badPeriod', field: 'from' };
  if (problems.includes('badPlant')) return { ok: false, problem: 'badPlant', field: 'plant' };
  const plants = await listReportPlants(db, actor);
  const plant = plantId === null ? null : plants.find((p) => p.id === plantId);
  if (plant === undefined) return { ok: false, problem: 'badPlant', field: 'plant' };
  let report: FactoryReportData;
  switch (kind) {
    case 'orders':
      report = { kind, data: await getOrdersFlow(db, actor, period, plantId) };
      break;
    case 'deliveries':
      report = { kind, data: await getDeliveries(db, actor, period, plantId) };
      break;
    case 'claims':
      report = { kind, data: await getClaimsKpis(db, actor, period, options.now) };
      break;
    case 'receivables':
      report = { kind, data: await getReceivablesSummary(db, actor, options.today) };
      break;
  }
  const perPlant = kind === 'orders' || kind === 'deliveries';
  return {
    ok: true,
    csv: factoryReportCsv(report, options.labels),
    fileName: factoryReportFileName(kind, period, perPlant && plant ? plant.code : null, options.today),
  };
}
