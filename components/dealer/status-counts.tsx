import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ORDER_STATUSES, type OrderStatus } from '@/drizzle/schema/values';
import { StatusChip } from '@/components/ui/status-chip';

/** How many of the dealer's orders stand at each stage; a tap opens the list filtered by it. */
export async function OrderStatusCounts({ counts }: { counts: Record<OrderStatus, number> }) {
  const t = await getTranslations('dealerHome');
  return (
    <section aria-labelledby="status-counts" className="rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <h2 id="status-counts" className="text-base font-semibold">{t('ordersByStatus')}</h2>
      <ul className="mt-3 grid grid-cols-1 gap-1 sm:grid-cols-2 sm:gap-x-3">
        {ORDER_STATUSES.map((status) => (
          <li key={status}>
            <Link
              href={`/dealer/orders?status=${status}`}
              className="-mx-2 flex min-h-11 items-center justify-between gap-2 rounded-lg px-2 hover:bg-slate-50"
              data-testid={`count-${status}`}
            >
              <StatusChip kind="order" status={status} />
              <span className="flex items-center gap-1 text-lg font-semibold tabular-nums">
                {counts[status]}
                {/* The link's name is what it shows (the status, the count), then where it leads: speech control finds it by what is seen. */}
                <span className="sr-only">. {t('showTheseOrders')}</span>
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current text-slate-400">
                  <path d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4z" />
                </svg>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
