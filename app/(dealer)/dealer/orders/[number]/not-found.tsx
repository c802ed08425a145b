import { OrderNotFound } from '@/components/orders/detail-not-found';

export default function DealerOrderNotFound() {
  return <OrderNotFound audience="dealer" backHref="/dealer/orders" />;
}
