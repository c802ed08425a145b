import { NextResponse } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { apiError } from '@/lib/http/errors';
import { getOrderDetail, orderViewerOf } from '@/lib/orders/queries';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/orders/{number} (contract section 4): one order with its constructions, history and
 * trip. Another dealer's order answers 404, exactly like an unknown number.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const actor = await getActor();
  if (!actor) return apiError('unauthorized', 'Sign in first.');
  if (!can(actor, 'orders.readOwnDealer') && !can(actor, 'orders.readAll')) return apiError('forbidden', 'This role may not read orders.');
  const { number } = await params;
  // Next hands the segment over decoded already: decoding it again fails on a "%" (a 500).
  const order = await getOrderDetail(getDb(), orderViewerOf(actor), number);
  if (!order) return apiError('not_found', `There is no order ${number.slice(0, 64)} among your orders; check the number.`);
  return NextResponse.json(
    {
      number: order.number,
      dealerCode: order.dealer.code,
      dealerName: order.dealer.name,
      status: order.status,
      statusAt: order.statusAt.toISOString(),
      customerRef: order.customerRef,
      createdAt: order.createdAt.toISOString(),
      plannedDelivery: order.plannedDelivery,
      itemsDone: order.itemsDone,
      itemsTotal: order.itemsTotal,
      stages: Object.fromEntries(Object.entries(order.stages).map(([stage, at]) => [stage, at?.toISOString() ?? null])),
      history: order.history.map((h) => ({ status: h.status, at: h.at.toISOString(), itemsDone: h.itemsDone, itemsTotal: h.itemsTotal, note: h.note })),
      total: order.total,
      itemsSum: order.itemsSum,
      currency: order.currency,
      items: order.items.map(({ id: _id, photos, ...item }) => ({ ...item, photos: photos.map((p) => ({ id: p.id, fileName: p.fileName })) })),
      ...(order.shipment
        ? {
            shipment: {
              number: order.shipment.number,
              plannedDate: order.shipment.plannedDate,
              status: order.shipment.status,
              driverName: order.shipment.driverName,
              driverPhone: order.shipment.driverPhone,
              vehicle: order.shipment.vehicle,
            },
          }
        : {}),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
