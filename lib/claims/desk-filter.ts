import { CLAIM_CATEGORIES, type ClaimCategory } from '@/drizzle/schema/values';

// The claims desk queue's filters, read from the page's URL and written back into its links.
// No server imports: the filter form and the chips build their links with it.

export type DeskQueueFilter = {
  /** `mine`: assigned to the person looking; `none`: not assigned to anybody. */
  assignee?: 'mine' | 'none';
  /** Only claims with a running SLA clock past its deadline. */
  pastSla?: boolean;
  category?: ClaimCategory;
  /** Dealer code, e.g. D-1001. */
  dealer?: string;
  /** Plant code of the claim's order. */
  plant?: string;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** The queue's filters from a URL; whatever is not understood is left out (a stale link still opens). */
export function deskFilterFromSearchParams(params: Params): DeskQueueFilter {
  const filter: DeskQueueFilter = {};
  const assignee = read(params, 'assignee');
  if (assignee === 'mine' || assignee === 'none') filter.assignee = assignee;
  if (read(params, 'sla') === 'past') filter.pastSla = true;
  const category = read(params, 'category');
  if (category && (CLAIM_CATEGORIES as readonly string[]).includes(category)) filter.category = category as ClaimCategory;
  const dealer = read(params, 'dealer');
  if (dealer && CODE.test(dealer)) filter.dealer = dealer.toUpperCase();
  const plant = read(params, 'plant');
  if (plant && CODE.test(plant)) filter.plant = plant;
  return filter;
}

/** The queue's link with these filters, parameters in a fixed order. */
export function deskQueueHref(base: string, filter: DeskQueueFilter): string {
  const params = new URLSearchParams();
  if (filter.assignee) params.set('assignee', filter.assignee);
  if (filter.pastSla) params.set('sla', 'past');
  if (filter.category) params.set('category', filter.category);
  if (filter.dealer) params.set('dealer', filter.dealer);
  if (filter.plant) params.set('plant', filter.plant);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export function isDeskFilterEmpty(filter: DeskQueueFilter): boolean {
  return !filter.assignee && !filter.pastSla && !filter.category && !filter.dealer && !filter.plant;
}
