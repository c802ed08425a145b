import { NextResponse } from 'next/server';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { apiError, zodDetails } from '@/lib/http/errors';
import { orderListQuerySchema } from '@/lib/orders/list';
import { listOrdersForDealer } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

/** GET /api/v1/orders?status=&q=&from=&to=&limit=&cursor= (contract section 4): the dealer's orders, newest first. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!isDealerRole(actor.role) || !can(actor, 'orders.readOwnDealer')) {
    return apiError('forbidden', 'The orders list is for dealers; look an order up with GET /api/v1/orders/{number}.');
  }
  const parsed = orderListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return apiError('bad_request', 'The list’s filters are not valid.', { details: zodDetails(parsed.error) });
  const page = await listOrdersForDealer(getDb(), dealerScopeOf(actor), parsed.data);
  return NextResponse.json(
    {
      items: page.items.map((o) => ({
        number: o.number,
        status: o.status,
        statusAt: o.statusAt.toISOString(),
        total: o.total,
        currency: o.currency,
        itemsCount: o.itemsCount,
        createdAt: o.createdAt.toISOString(),
        plannedDelivery: o.plannedDelivery,
        customerRef: o.customerRef,
      })),
      nextCursor: page.nextCursor,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
