import { ClaimNotFound } from '@/components/claims-dealer/claim-not-found';

export default function DealerClaimNotFound() {
  return <ClaimNotFound />;
}
