import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { actorFromCookies, type Actor } from './actor';
import { canEnterArea, homeAreaOf, type Area } from './permissions';

export type { Actor } from './actor';

/** The actor of the current request (pages, layouts, route handlers, server actions). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorFromCookies(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
});

/**
 * For an area's layout: a stranger goes to sign in, someone of another role to their own area.
 * This is for people's sake; every query checks again.
 */
export async function requireAreaActor(area: Area): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get('x-portal-pathname') ?? `/${area}`;
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!canEnterArea(actor.role, area)) redirect(`/${homeAreaOf(actor.role)}`);
  return actor;
}
