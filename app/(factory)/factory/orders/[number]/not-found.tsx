import { OrderNotFound } from '@/components/orders/detail-not-found';

export default function FactoryOrderNotFound() {
  return <OrderNotFound audience="staff" backHref="/factory/orders" />;
}
