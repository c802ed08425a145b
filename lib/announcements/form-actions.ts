'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { wakeDispatcher } from '@/lib/realtime/registry';
import { kyivLocalToDate } from './kyiv-time';
import { PUBLISH_MODES, type FieldErrors, type PublishMode } from './schemas';
import {
  createAnnouncement,
  publishAnnouncement,
  removeAnnouncementAttachment,
  unpublishAnnouncement,
  updateAnnouncement,
  type AnnouncementError,
  type PublishChoice,
} from './write';

// The factory's forms (they work before the page's JavaScript has loaded): read the form, call the
// domain function with the signed-in actor, and answer a state the form renders or go to the page.

const LIST = '/factory/announcements';

function field(form: FormData, name: string, max = 1000): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export type EditorValues = {
  title: string;
  body: string;
  audienceKind: 'all' | 'regions' | 'dealers';
  regions: string[];
  dealerCodes: string[];
  pinned: boolean;
  mode: PublishMode | 'keep';
  publishAt: string;
};

export type EditorState =
  | { status: 'idle' }
  | { status: 'error'; error: AnnouncementError; message: string; fields: FieldErrors; unknown: string[]; values: EditorValues };

function readEditor(form: FormData): EditorValues {
  const kind = field(form, 'audienceKind');
  const mode = field(form, 'mode');
  return {
    title: field(form, 'title', 1000),
    // One character over the limit is enough to be told it is too long.
    body: field(form, 'body', 20_001),
    audienceKind: kind === 'regions' || kind === 'dealers' ? kind : 'all',
    regions: form.getAll('regions').filter((v): v is string => typeof v === 'string').slice(0, 100),
    dealerCodes: form.getAll('dealerCodes').filter((v): v is string => typeof v === 'string').slice(0, 2000),
    pinned: form.get('pinned') === 'on',
    mode: (PUBLISH_MODES as readonly string[]).includes(mode) ? (mode as PublishMode) : 'keep',
    publishAt: field(form, 'publishAt', 40),
  };
}

/** Creates (no `id`) or saves (with `id`) an announcement, then publishes or schedules it as chosen. */
export async function saveAnnouncementAction(_previous: EditorState, form: FormData): Promise<EditorState> {
  const values = readEditor(form);
  const id = field(form, 'id');
  const input = {
    title: values.title,
    body: values.body,
    audience: values.audienceKind === 'all' ? { all: true } : values.audienceKind === 'regions' ? { regions: values.regions } : { dealerCodes: values.dealerCodes },
    pinned: values.pinned,
  };
  let choice: PublishChoice | null = values.mode === 'keep' ? null : { mode: values.mode };
  if (values.mode === 'schedule') {
    const at = kyivLocalToDate(values.publishAt);
    if (values.publishAt && !at) {
      return { status: 'error', error: 'invalid', message: 'publishAt', fields: { publishAt: 'publishAtInvalid' }, unknown: [], values };
    }
    choice = { mode: 'schedule', at };
  }
  const db = getDb();
  const actor = await getActor();
  const result = id ? await updateAnnouncement(db, actor, id, input, choice) : await createAnnouncement(db, actor, input, choice ?? { mode: 'draft' });
  if (!result.ok) return { status: 'error', error: result.error, message: result.message, fields: result.fields ?? {}, unknown: result.unknown ?? [], values };
  if (result.published) wakeDispatcher();
  revalidatePath(LIST);
  redirect(`${LIST}/${result.id}?saved=1`);
}

export type ManageState = { status: 'idle' } | { status: 'error'; error: AnnouncementError };

/** The page's buttons: publish now, withdraw, take a file off (`intent`, `id`, `attachmentId`). */
export async function manageAnnouncementAction(_previous: ManageState, form: FormData): Promise<ManageState> {
  const intent = field(form, 'intent');
  const id = field(form, 'id');
  const db = getDb();
  const actor = await getActor();
  const result =
    intent === 'publish'
      ? await publishAnnouncement(db, actor, id)
      : intent === 'unpublish'
        ? await unpublishAnnouncement(db, actor, id)
        : intent === 'removeFile'
          ? await removeAnnouncementAttachment(db, actor, id, field(form, 'attachmentId'))
          : null;
  if (!result) return { status: 'error', error: 'invalid' };
  if (!result.ok) return { status: 'error', error: result.error };
  if (result.published) wakeDispatcher();
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${result.id}`);
  return { status: 'idle' };
}
