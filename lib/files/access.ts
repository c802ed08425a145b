import 'server-only';
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { announcements, attachments, claimMessages, claims, libraryDocuments, orderItems, orders } from '@/drizzle/schema';
import { isInlineImage, visibleToDealer } from '@/lib/announcements/queries';
import type { Actor } from '@/lib/auth/actor';
import { can, isDealerRole } from '@/lib/auth/permissions';
import { assertDealerScope, dealerScopeOf } from '@/lib/auth/scope';
import type { DbOrTx } from '@/lib/db';

// Who may open a stored file: decided by what the file belongs to, never by the file alone.
// A dealer's users open files of their own dealer's claims, of the public messages of those
// claims and of their orders' constructions; a file of an internal note, or of another dealer's
// object, is exactly as missing as an unknown id. Staff open what their role may read.

export type AttachmentFile = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** `attachment`: the browser saves it under its name instead of showing it (library documents). */
  disposition?: 'inline' | 'attachment';
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file for this actor, or null when there is none he may open. */
export async function getAttachmentForActor(db: DbOrTx, actor: Actor, id: string): Promise<AttachmentFile | null> {
  if (!UUID.test(id)) return null;
  const [file] = await db
    .select({
      id: attachments.id,
      ownerType: attachments.ownerType,
      ownerId: attachments.ownerId,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .where(eq(attachments.id, id))
    .limit(1);
  if (!file) return null;
  const { ownerType, ownerId, ...answer } = file;
  const dealer = isDealerRole(actor.role);
  // The dealer condition is built from the actor's scope; it is never left out for a dealer.
  const ownDealer = (column: typeof claims.dealerId | typeof orders.dealerId): SQL => eq(column, assertDealerScope(dealerScopeOf(actor)));

  let visible: { id: number }[] = [];
  switch (ownerType) {
    case 'claim':
      if (!dealer && !can(actor, 'claims.readAll')) return null;
      visible = await db
        .select({ id: claims.id })
        .from(claims)
        .where(and(eq(claims.id, ownerId), dealer ? ownDealer(claims.dealerId) : undefined))
        .limit(1);
      break;
    case 'claim_message':
      if (!dealer && !can(actor, 'claims.readAll')) return null;
      visible = await db
        .select({ id: claimMessages.id })
        .from(claimMessages)
        .innerJoin(claims, eq(claims.id, claimMessages.claimId))
        .where(and(eq(claimMessages.id, ownerId), dealer ? and(ownDealer(claims.dealerId), eq(claimMessages.internal, false)) : undefined))
        .limit(1);
      break;
    case 'order_item':
      if (!dealer && !can(actor, 'orders.readAll')) return null;
      visible = await db
        .select({ id: orderItems.id })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(and(eq(orderItems.id, ownerId), dealer ? ownDealer(orders.dealerId) : undefined))
        .limit(1);
      break;
    case 'library_document': {
      // The file of a published document, as it is now, for everyone who reads the library; the
      // staff who keep it open drafts, unpublished documents and files since replaced too.
      if (!can(actor, 'library.read')) return null;
      const keeper = can(actor, 'library.manage');
      visible = await db
        .select({ id: libraryDocuments.id })
        .from(libraryDocuments)
        .where(
          and(
            eq(libraryDocuments.id, ownerId),
            keeper ? undefined : and(eq(libraryDocuments.attachmentId, answer.id), isNotNull(libraryDocuments.publishedAt), isNull(libraryDocuments.deletedAt)),
          ),
        )
        .limit(1);
      return visible.length ? { ...answer, disposition: 'attachment' } : null;
    }
    case 'announcement': {
      // Factory staff who write announcements open every file of one; a dealer's user only the
      // files of a published announcement addressed to his dealer (pictures inline, documents saved).
      const download = isInlineImage(answer.mimeType) ? 'inline' : 'attachment';
      if (can(actor, 'announcements.publish')) {
        visible = await db.select({ id: announcements.id }).from(announcements).where(eq(announcements.id, ownerId)).limit(1);
        return visible.length ? { ...answer, disposition: download } : null;
      }
      if (!dealer || !can(actor, 'announcements.read')) return null;
      visible = await db
        .select({ id: announcements.id })
        .from(announcements)
        .where(and(eq(announcements.id, ownerId), visibleToDealer(assertDealerScope(dealerScopeOf(actor)), new Date())))
        .limit(1);
      return visible.length ? { ...answer, disposition: download } : null;
    }
    default:
      return null;
  }
  return visible.length ? answer : null;
}
