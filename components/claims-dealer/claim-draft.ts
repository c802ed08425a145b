import { CLAIM_CATEGORIES, type ClaimCategory } from '@/drizzle/schema/values';
import { newIdempotencyKey } from './api';

// The claim being written, kept in the tab's sessionStorage per order: a reload, a dropped
// connection or a trip to the camera app that unloads the page loses nothing typed, and the
// draft's Idempotency-Key stays the same, so however often it is sent it files one claim. The
// draft is forgotten once the claim is filed. Photos are not kept (they are files, not text).

export type ClaimDraft = {
  key: string;
  /** null: the whole order. */
  position: number | null;
  category: ClaimCategory | '';
  damageNoted: 'yes' | 'no' | '';
  description: string;
  customerAddress: string;
  customerContact: string;
};

const storageKey = (orderNumber: string) => `claimsDealer.draft:${orderNumber}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    // Storage switched off (a private window in some browsers): the draft lives in the page only.
    return null;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The draft for this order (a new one with a fresh key when there is none). */
export function loadDraft(orderNumber: string, position: number | null): ClaimDraft {
  const fresh: ClaimDraft = { key: newIdempotencyKey(), position, category: '', damageNoted: '', description: '', customerAddress: '', customerContact: '' };
  const raw = storage()?.getItem(storageKey(orderNumber));
  if (!raw) return fresh;
  try {
    const saved = JSON.parse(raw) as Record<string, unknown>;
    if (typeof saved.key !== 'string' || saved.key.length < 8) return fresh;
    const category = text(saved.category);
    const damageNoted = text(saved.damageNoted);
    return {
      key: saved.key,
      // The construction the person came from wins over the one of an older draft.
      position: position ?? (typeof saved.position === 'number' ? saved.position : null),
      category: (CLAIM_CATEGORIES as readonly string[]).includes(category) ? (category as ClaimCategory) : '',
      damageNoted: damageNoted === 'yes' || damageNoted === 'no' ? damageNoted : '',
      description: text(saved.description),
      customerAddress: text(saved.customerAddress),
      customerContact: text(saved.customerContact),
    };
  } catch {
    return fresh;
  }
}

export function saveDraft(orderNumber: string, draft: ClaimDraft): void {
  try {
    storage()?.setItem(storageKey(orderNumber), JSON.stringify(draft));
  } catch {
    // Full or switched off: the page still holds the text.
  }
}

export function forgetDraft(orderNumber: string): void {
  storage()?.removeItem(storageKey(orderNumber));
}
