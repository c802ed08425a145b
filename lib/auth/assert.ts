import type { Actor } from './actor';
import { can, type Capability } from './permissions';
import { ForbiddenError } from './scope';

/** For queries and actions that are not dealer-scoped: the actor must hold the capability. */
export function assertCan(actor: Pick<Actor, 'role'> | null | undefined, capability: Capability): asserts actor is Actor {
  if (!actor || !can(actor, capability)) throw new ForbiddenError(`This role may not use ${capability}`);
}
