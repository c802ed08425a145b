import { ClaimNotFound } from '@/components/claims-desk/claim-not-found';

export default function ClaimDeskNotFound() {
  return <ClaimNotFound />;
}
