import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DesktopTable } from '@/components/ui/desktop-table';
import type { Locale } from '@/drizzle/schema/values';
import { auditObjectHref, type AuditRow } from '@/lib/audit/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { actionLabel } from './audit-filters';

type Translate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;
type Change = { from: unknown; to: unknown };

const MAX_VALUE = 160;

/** A field's name in words where the log knows it, as stored otherwise. */
function fieldLabel(key: string, t: Translate): string {
  const path = `fields.${key}`;
  return t.has(path) ? t(path) : key;
}

/** A stored value in words: text as it is, lists joined, objects as "field: value" pairs, long values cut. */
function valueText(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('noValue');
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = t(value ? 'yes' : 'no');
  else if (Array.isArray(value)) text = value.length ? value.map((item) => valueText(item, t)).join(', ') : t('noValue');
  else if (typeof value === 'object') {
    text = Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${fieldLabel(key, t)}: ${valueText(inner, t)}`)
      .join('; ');
  } else text = String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function changesOf(data: Record<string, unknown>): [string, Change][] | null {
  const changes = data.changes;
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return null;
  const entries = Object.entries(changes as Record<string, unknown>);
  if (!entries.every(([, c]) => c !== null && typeof c === 'object' && 'from' in c && 'to' in c)) return null;
  return entries as [string, Change][];
}

/** What changed: `changes` as field: before → after, the other facts of the action as key: value. */
function AuditData({ data, t }: { data: Record<string, unknown>; t: Translate }) {
  const changes = changesOf(data);
  const facts = Object.entries(data).filter(([key]) => !(changes && key === 'changes'));
  if (!changes?.length && !facts.length) return null;
  return (
    <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs" data-testid="audit-data">
      {changes?.map(([field, change]) => (
        <div key={`c-${field}`} className="contents" data-testid="audit-change" data-field={field}>
          <dt className="font-medium text-slate-700">{fieldLabel(field, t)}</dt>
          <dd className="min-w-0 break-words">
            <del className="text-red-800">{valueText(change.from, t)}</del>
            <span aria-hidden="true"> → </span>
            <span className="sr-only"> {t('changedTo')} </span>
            <ins className="text-green-800 no-underline">{valueText(change.to, t)}</ins>
          </dd>
        </div>
      ))}
      {facts.map(([key, value]) => (
        <div key={`f-${key}`} className="contents">
          <dt className="font-medium text-slate-600">{fieldLabel(key, t)}</dt>
          <dd className="min-w-0 break-words text-slate-700">{valueText(value, t)}</dd>
        </div>
      ))}
    </dl>
  );
}

async function Who({ row, t }: { row: AuditRow; t: Translate }) {
  const tRole = await getTranslations('roles');
  const who = row.who;
  if (who.kind === 'sync') return <span>{t('bySync', { source: who.source })}</span>;
  if (who.kind === 'system') return <span>{t('bySystem', { job: who.job })}</span>;
  if (!who.name) return <span className="break-all">{who.id ?? t('unknownPerson')}</span>;
  return (
    <span className="flex min-w-0 flex-col">
      <span className="font-medium">{who.name}</span>
      <span className="break-all text-xs text-slate-600">
        {who.email}
        {who.role ? ` · ${tRole(who.role)}` : ''}
      </span>
    </span>
  );
}

function ObjectCell({ row, t }: { row: AuditRow; t: Translate }) {
  const type = t.has(`entity.${row.entityType}`) ? t(`entity.${row.entityType}`) : row.entityType;
  const href = auditObjectHref(row.entityType, row.entityId);
  const label = row.entityLabel ?? row.entityId;
  return (
    <span className="flex min-w-0 flex-col">
      <span className="text-xs text-slate-600">{type}</span>
      {href ? (
        <Link href={href} prefetch={false} className="break-all font-medium text-brand-700 underline underline-offset-2" data-testid="audit-object-link">
          {label}
        </Link>
      ) : (
        <span className="break-all font-medium">{label}</span>
      )}
      {row.dealer ? (
        <span className="text-xs text-slate-600">
          {t('ofDealer', { code: row.dealer.code, name: row.dealer.name })}
        </span>
      ) : null}
    </span>
  );
}

/** The log's rows: a card each on phones, a table on wide screens. */
export async function AuditList({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations('audit');
  const locale = (await getLocale()) as Locale;
  return (
    <>
      <ol className="flex flex-col gap-2 xl:hidden" aria-label={t('listLabel')} data-testid="audit-cards">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-3.5 text-sm" data-testid="audit-row" data-action={row.action}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold">{actionLabel(t, row.action)}</span>
              <time dateTime={row.at.toISOString()} className="text-xs text-slate-600 tabular-nums">
                {formatDateTime(row.at, locale)}
              </time>
            </div>
            <ObjectCell row={row} t={t} />
            <div className="text-xs text-slate-700">
              <Who row={row} t={t} />
            </div>
            <AuditData data={row.data} t={t} />
          </li>
        ))}
      </ol>
      <DesktopTable
        testId="audit-table"
        caption={t('listLabel')}
        cellPadding="px-3"
        columns={[{ label: t('when') }, { label: t('who') }, { label: t('what') }, { label: t('object') }, { label: t('changes') }]}
      >
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row" data-action={row.action}>
              <td className="px-3 py-2.5 whitespace-nowrap tabular-nums">
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time>
              </td>
              <td className="max-w-56 px-3 py-2.5">
                <Who row={row} t={t} />
              </td>
              <td className="px-3 py-2.5">
                <span className="font-medium">{actionLabel(t, row.action)}</span>
                {actionLabel(t, row.action) !== row.action ? <span className="block text-xs text-slate-500">{row.action}</span> : null}
              </td>
              <td className="max-w-56 px-3 py-2.5">
                <ObjectCell row={row} t={t} />
              </td>
              <td className="max-w-md px-3 py-2.5">
                <AuditData data={row.data} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </DesktopTable>
    </>
  );
}
