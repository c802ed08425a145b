import { getTranslations } from 'next-intl/server';
import { DetailConstruction } from '@/components/orders/detail-construction';
import type { OrderItemDetail } from '@/lib/orders/queries';

/** The construction the claim is about: drawn from its parameters, beside them in words. */
export async function ClaimConstruction({ item, position, currency }: { item: OrderItemDetail | null; position: number | null; currency: string }) {
  const t = await getTranslations('claimDesk.construction');
  return (
    <section aria-labelledby="claim-construction" className="flex min-w-0 flex-col gap-3" data-testid="claim-construction">
      <h2 id="claim-construction" className="text-base font-semibold">
        {t('title')}
      </h2>
      {item ? (
        <DetailConstruction item={item} currency={currency} />
      ) : (
        <p className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-600">
          {position === null ? t('wholeOrder') : t('missing', { position })}
        </p>
      )}
    </section>
  );
}
