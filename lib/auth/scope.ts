import { isDealerRole } from './permissions';
import type { Actor } from './session';

/**
 * What every query of a dealer's data takes as a required argument: the dealer it is scoped to.
 * Only dealerScopeOf() makes one, from the signed-in actor, so a page or API cannot ask for
 * another dealer's rows by passing an id.
 */
export type DealerScope = { readonly dealerId: number; readonly userId: string; readonly __brand: 'DealerScope' };

export class ForbiddenError extends Error {
  constructor(message = 'This role may not do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export function dealerScopeOf(actor: Pick<Actor, 'userId' | 'role' | 'dealerId'>): DealerScope {
  if (!isDealerRole(actor.role) || actor.dealerId === null) throw new ForbiddenError('Only a dealer’s users have a dealer scope');
  return Object.freeze({ dealerId: actor.dealerId, userId: actor.userId, __brand: 'DealerScope' as const });
}

/** Called first by every dealer-scoped query: refuses a missing or malformed scope at run time too. */
export function assertDealerScope(scope: DealerScope): number {
  if (
    scope === null ||
    typeof scope !== 'object' ||
    scope.__brand !== 'DealerScope' ||
    !Number.isSafeInteger(scope.dealerId) ||
    scope.dealerId <= 0
  ) {
    throw new ForbiddenError('A dealer-scoped query was called without a dealer');
  }
  return scope.dealerId;
}
