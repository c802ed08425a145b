import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CatalogEmpty, CatalogList } from '@/components/catalog/catalog-list';
import { CatalogLiveRefresh } from '@/components/catalog/catalog-live-refresh';
import { CatalogSearch } from '@/components/catalog/catalog-search';
import { can } from '@/lib/auth/permissions';
import { requireAreaActor } from '@/lib/auth/session';
import { catalogFilterFromSearchParams, catalogHref } from '@/lib/catalog/filter';
import { searchCatalogForStaff } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';

const BASE = '/factory/catalog';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('catalog'))('title') };
}

export default async function FactoryCatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAreaActor('factory');
  if (!can(actor, 'catalog.read')) redirect('/factory');
  const filter = catalogFilterFromSearchParams(await searchParams);
  const [t, list] = await Promise.all([getTranslations('catalog'), searchCatalogForStaff(getDb(), actor, filter)]);
  if (list.total > 0 && list.items.length === 0 && filter.page > 1) redirect(catalogHref(BASE, { ...filter, page: 1 }));
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <CatalogLiveRefresh />
      <div>
        <h1 className="text-xl font-semibold md:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('staffIntro')}</p>
      </div>
      <CatalogSearch base={BASE} filter={filter} />
      {list.total === 0 ? <CatalogEmpty base={BASE} searched={Boolean(filter.q)} /> : <CatalogList list={list} base={BASE} filter={filter} audience="staff" />}
    </div>
  );
}
