import { OrderNotFound } from '@/components/orders/detail-not-found';

export default function ClaimsOrderNotFound() {
  return <OrderNotFound audience="staff" backHref="/claims/orders" />;
}
