import { getTranslations } from 'next-intl/server';
import { ORDER_STATUSES, type OrderStatus } from '@/drizzle/schema/enums';
import { StatusChip } from '@/components/ui/status-chip';

/** How many of the dealer's orders stand at each stage. */
export async function OrderStatusCounts({ counts }: { counts: Record<OrderStatus, number> }) {
  const t = await getTranslations('dealerHome');
  return (
    <section aria-labelledby="status-counts" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="status-counts" className="text-base font-semibold">{t('ordersByStatus')}</h2>
      <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {ORDER_STATUSES.map((status) => (
          <li key={status} className="flex items-center justify-between gap-2" data-testid={`count-${status}`}>
            <StatusChip kind="order" status={status} />
            <span className="text-lg font-semibold tabular-nums">{counts[status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
