import { redirect } from 'next/navigation';

type SearchParams = Record<string, string | string[] | undefined>;

/** The query string as the request had it: every value of a repeated key, in order. */
export function receivedQuery(params: SearchParams): string {
  return new URLSearchParams(Object.entries(params).flatMap(([key, value]) => [value ?? ''].flat().map((v) => [key, v]))).toString();
}

/**
 * Sends a list page to its clean address when the URL says more or other than `canonical` (the
 * filter as understood, written back): a stale or edited link still opens the list, and the GET
 * filter form's empty fields and defaults leave the address.
 */
export function redirectToCleanUrl(base: string, params: SearchParams, canonical: string): void {
  const received = receivedQuery(params);
  if (canonical !== (received ? `${base}?${received}` : base)) redirect(canonical);
}
