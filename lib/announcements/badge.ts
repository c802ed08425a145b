import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { can, type Area } from '@/lib/auth/permissions';
import { dealerScopeOf } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';
import { countUnreadAnnouncements } from './queries';

/** A count shown beside a navigation entry, with its words for screen readers. */
export type NavBadge = { count: number; label: string };

/** The navigation's counts by entry (href): the dealer's unread news. */
export async function navBadges(db: DbOrTx, area: Area, actor: Actor): Promise<Record<string, NavBadge>> {
  if (area !== 'dealer' || !can(actor, 'announcements.read') || actor.dealerId === null) return {};
  const count = await countUnreadAnnouncements(db, dealerScopeOf(actor));
  if (count === 0) return {};
  const t = await getTranslations('announcements');
  return { '/dealer/news': { count, label: t('unreadBadge', { count }) } };
}
