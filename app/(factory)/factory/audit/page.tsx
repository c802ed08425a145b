import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditList } from '@/components/audit/audit-list';
import { auditFilterFromSearchParams, auditHref, isAuditFilterEmpty } from '@/lib/audit/filter';
import { searchAudit } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';

const BASE = '/factory/audit';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

/** The append-only audit log, searchable by object, person or source, dealer, action and days. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'audit.read')) redirect('/factory');
  const { filter, cursor, invalid } = auditFilterFromSearchParams(await searchParams);
  const [t, page] = await Promise.all([getTranslations('audit'), searchAudit(getDb(), actor, filter, { cursor })]);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <AuditFilters base={BASE} filter={filter} />
      {invalid.length ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="audit-invalid">
          {t('invalid', { fields: invalid.map((f) => t(`field.${f}`)).join(', ') })}
        </p>
      ) : null}
      {page.unresolved.length ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700" data-testid="audit-unresolved">
          {page.unresolved.map((f) => t(`unresolved.${f}`, { value: String(filter[f] ?? '') })).join(' ')}
        </p>
      ) : page.rows.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-600" data-testid="audit-empty">
          {t(isAuditFilterEmpty(filter) ? 'empty' : 'noMatch')}
        </p>
      ) : (
        <AuditList rows={page.rows} />
      )}
      {cursor || page.nextCursor ? (
        <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-center gap-2">
          {cursor ? (
            <Link href={auditHref(BASE, filter)} prefetch={false} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100">
              {t('newest')}
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link
              href={auditHref(BASE, filter, page.nextCursor)}
              prefetch={false}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
              data-testid="audit-older"
            >
              {t('older')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
