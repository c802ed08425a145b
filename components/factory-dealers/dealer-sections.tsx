import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';
import { originOf, type DealerAuditRow, type DealerClaimRow, type DealerDetail } from '@/lib/dealers/detail';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '@/lib/i18n/format';
import { decimalSign } from '@/lib/money';

// The sections of a dealer's page on the factory side. Lists, not tables: they read the same on a
// phone and a desktop, and long names and e-mails wrap instead of pushing the page sideways.

const CARD = 'flex min-w-0 flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5';
const H2 = 'text-base font-semibold';
const LINK = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800';

function Section({ title, testId, children, aside }: { title: string; testId: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-label={title} className={CARD} data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className={H2}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export async function DealerDetails({ detail }: { detail: DealerDetail }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  const { card } = detail;
  const none = <span className="text-slate-500">{t('noValue')}</span>;
  const origin = originOf(card);
  const source =
    origin === 'hand'
      ? t('origin.hand', { name: card.createdBy?.name ?? '', date: formatDate(card.createdAt, locale) })
      : origin === 'handThenAccounting'
        ? t('origin.handThenAccounting', { name: card.createdBy?.name ?? '', date: formatDateTime(card.sourceUpdatedAt ?? card.updatedAt, locale) })
        : card.sourceUpdatedAt
          ? t('origin.accountingAt', { date: formatDateTime(card.sourceUpdatedAt, locale) })
          : t('origin.accounting');
  const rows: [string, ReactNode, string][] = [
    [t('field.code'), card.code, 'code'],
    [t('field.taxId'), <span key="tax" className="tabular-nums">{card.taxId}</span>, 'taxId'],
    [t('field.region'), card.region ?? none, 'region'],
    [t('field.town'), card.town ?? none, 'town'],
    [t('field.address'), card.address ?? none, 'address'],
    [
      t('field.phone'),
      card.phone ? (
        <a key="phone" href={`tel:${card.phone.replace(/[^\d+]/g, '')}`} className={LINK}>
          {card.phone}
        </a>
      ) : (
        none
      ),
      'phone',
    ],
    [
      t('field.email'),
      card.email ? (
        <a key="email" href={`mailto:${card.email}`} className={`${LINK} break-all`}>
          {card.email}
        </a>
      ) : (
        none
      ),
      'email',
    ],
    [t('field.currency'), card.currency, 'currency'],
    [
      t('field.manager'),
      card.manager ? (card.manager.active ? card.manager.name : t('managerInactive', { name: card.manager.name })) : <span className="text-slate-500">{t('noManager')}</span>,
      'manager',
    ],
    [t('field.active'), card.active ? t('active') : t('inactive'), 'active'],
    [t('field.source'), source, 'source'],
  ];
  return (
    <Section title={t('details')} testId="dealer-details">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value, key]) => (
          <div key={key} className="contents" data-field={key}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="mb-1 min-w-0 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export async function DealerFinances({ detail, financeHref }: { detail: DealerDetail; financeHref: string }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  const { position, card } = detail;
  const overdue = decimalSign(position.overdue) > 0;
  const figure = (label: string, amount: string, testId: string, strong = false) => (
    <div className="min-w-0 rounded-xl bg-slate-50 p-3" data-testid={testId} data-amount={amount}>
      <div className="text-xs text-slate-600">{label}</div>
      <div className={`text-base font-semibold whitespace-nowrap tabular-nums ${strong ? 'text-red-700' : ''}`}>{formatMoney(amount, card.currency, locale)}</div>
    </div>
  );
  return (
    <Section
      title={t('finance.title')}
      testId="dealer-finances"
      aside={
        <Link href={financeHref} prefetch={false} className={`${LINK} text-sm`}>
          {t('finance.open')}
        </Link>
      }
    >
      <div className="grid grid-cols-[repeat(auto-fit,minmax(9.5rem,1fr))] gap-2">
        {figure(t('finance.balance'), position.balance, 'dealer-balance')}
        {figure(t('finance.overdue'), position.overdue, 'dealer-overdue', overdue)}
        {figure(t('finance.dueIn30Days'), position.dueIn30Days, 'dealer-due-30')}
      </div>
      <p className="text-xs text-slate-600">{t('finance.asOf', { date: formatDate(detail.today, locale) })}</p>
    </Section>
  );
}

export async function DealerUsers({ detail }: { detail: DealerDetail }) {
  const [t, tRoles, locale] = await Promise.all([getTranslations('factoryDealers'), getTranslations('roles'), getLocale() as Promise<Locale>]);
  return (
    <Section title={t('users.title')} testId="dealer-users">
      {detail.users.length === 0 ? (
        <p className="text-sm text-slate-600">{t('users.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100">
          {detail.users.map((u) => (
            <li key={u.id} className="flex min-w-0 flex-col gap-0.5 py-2 text-sm" data-email={u.email}>
              <span className="flex flex-wrap items-baseline gap-x-2">
                <Link href={`/factory/users/${u.id}`} prefetch={false} className={`${LINK} break-words`}>
                  {u.name}
                </Link>
                <span className="text-slate-600">{tRoles(u.role)}</span>
                <span className={u.active ? 'text-emerald-800' : 'font-medium text-slate-600'}>{u.pending ? t('users.pending') : u.active ? t('active') : t('inactive')}</span>
              </span>
              <span className="break-all text-slate-700">{u.email}</span>
              <span className="text-xs text-slate-600">{u.lastSignInAt ? t('users.lastSignIn', { date: formatDateTime(u.lastSignInAt, locale) }) : t('users.never')}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export async function DealerOrders({ detail }: { detail: DealerDetail }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  return (
    <Section
      title={t('orders.title')}
      testId="dealer-orders"
      aside={
        detail.orderCount > 0 ? (
          <span className="text-sm text-slate-600">{t('orders.total', { count: detail.orderCount })}</span>
        ) : undefined
      }
    >
      {detail.orders.length === 0 ? (
        <p className="text-sm text-slate-600">{t('orders.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100">
          {detail.orders.map((o) => (
            <li key={o.number} className="flex min-w-0 flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm" data-order={o.number}>
              <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                <Link href={`/factory/orders/${encodeURIComponent(o.number)}`} prefetch={false} className={`${LINK} tabular-nums`}>
                  {o.number}
                </Link>
                <StatusChip kind="order" status={o.status} />
              </span>
              <span className="flex flex-wrap gap-x-3 text-slate-600">
                <span>{formatDate(o.createdAt, locale)}</span>
                <span className="font-medium text-slate-900 tabular-nums">{formatMoney(o.total, o.currency, locale)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link href="/factory/orders" prefetch={false} className={`${LINK} self-start text-sm`}>
        {t('orders.lookup')}
      </Link>
    </Section>
  );
}

async function ClaimList({ claims }: { claims: DealerClaimRow[] }) {
  const [t, tCategory, locale] = await Promise.all([getTranslations('factoryDealers'), getTranslations('claimCategory'), getLocale() as Promise<Locale>]);
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {claims.map((c) => (
        <li key={c.number} className="flex min-w-0 flex-col gap-1 py-2 text-sm" data-claim={c.number}>
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium tabular-nums">{t('claims.claim', { number: c.number })}</span>
            <StatusChip kind="claim" status={c.status} />
          </span>
          <span className="text-slate-600">
            {tCategory(c.category)} · {t('claims.order', { number: c.orderNumber })} · {formatDate(c.createdAt, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export async function DealerClaims({ detail }: { detail: DealerDetail }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  return (
    <Section title={t('claims.title')} testId="dealer-claims">
      <h3 className="text-sm font-semibold text-slate-700">{t('claims.open', { count: formatNumber(detail.openClaimCount, locale) })}</h3>
      {detail.openClaims.length === 0 ? <p className="text-sm text-slate-600">{t('claims.noneOpen')}</p> : <ClaimList claims={detail.openClaims} />}
      {detail.openClaimCount > detail.openClaims.length ? (
        <p className="text-xs text-slate-600">{t('claims.more', { shown: detail.openClaims.length, count: detail.openClaimCount })}</p>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-700">{t('claims.recent')}</h3>
      {detail.recentClaims.length === 0 ? <p className="text-sm text-slate-600">{t('claims.noneRecent')}</p> : <ClaimList claims={detail.recentClaims} />}
    </Section>
  );
}

const FIELD_LABELS: Record<string, string> = { managerId: 'manager' };

function changedFields(row: DealerAuditRow): string[] {
  const changes = row.data.changes;
  return changes && typeof changes === 'object' && !Array.isArray(changes) ? Object.keys(changes) : [];
}

export async function DealerHistory({ detail }: { detail: DealerDetail }) {
  const [t, locale] = await Promise.all([getTranslations('factoryDealers'), getLocale() as Promise<Locale>]);
  const actionLabel = (action: string) => {
    const key = `audit.action.${action.replace(/\./g, '_')}`;
    return t.has(key) ? t(key) : action;
  };
  const fieldLabel = (field: string) => {
    const key = `field.${FIELD_LABELS[field] ?? field}`;
    return t.has(key) ? t(key) : field;
  };
  const actor = (row: DealerAuditRow) =>
    row.actorKind === 'user'
      ? (row.actorName ?? t('audit.unknownUser'))
      : row.actorKind === 'sync'
        ? t('audit.bySync', { source: row.actorId ?? '' })
        : t('audit.bySystem', { name: row.actorId ?? '' });
  return (
    <Section title={t('audit.title')} testId="dealer-history">
      {detail.audit.length === 0 ? (
        <p className="text-sm text-slate-600">{t('audit.empty')}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">{t('audit.hint', { count: detail.audit.length })}</p>
          <ol className="flex flex-col divide-y divide-slate-100">
            {detail.audit.map((row) => {
              const fields = changedFields(row);
              return (
                <li key={row.id} className="flex min-w-0 flex-col gap-0.5 py-2 text-sm" data-action={row.action}>
                  <span className="font-medium">{actionLabel(row.action)}</span>
                  <span className="text-slate-600">
                    {formatDateTime(row.at, locale)} · <span className="break-words">{actor(row)}</span>
                  </span>
                  {fields.length ? <span className="break-words text-slate-700">{t('audit.changed', { fields: fields.map(fieldLabel).join(', ') })}</span> : null}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Section>
  );
}
