import { DealerNotFound } from '@/components/factory-dealers/dealer-not-found';

export default function FactoryDealerNotFound() {
  return <DealerNotFound />;
}
