'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { FieldErrors } from './schemas';
import { deleteLibraryDocument, publishLibraryDocument, updateLibraryDocument, type LibraryOutcome } from './write';

// The factory library page's forms (they work before the page's JavaScript has loaded): read the
// form, call the domain function with the signed-in actor, answer a state the form renders.
// Uploads and file replacements go through POST /api/v1/library (multipart, with a size ceiling).

export type LibraryErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'failed';

export type LibraryFormState = { status: 'idle' } | { status: 'error'; error: LibraryErrorCode; fields: FieldErrors } | { status: 'saved'; changed: boolean; at: number };

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, 5000) : undefined;
}

function answer(outcome: LibraryOutcome): LibraryFormState {
  if (outcome.ok) {
    if (outcome.changed) {
      revalidatePath('/factory/documents');
      revalidatePath('/dealer/documents');
    }
    return { status: 'saved', changed: outcome.changed, at: Date.now() };
  }
  const error: LibraryErrorCode =
    outcome.code === 'bad_request' ? 'invalid' : outcome.code === 'forbidden' || outcome.code === 'unauthorized' ? 'forbidden' : outcome.code === 'not_found' ? 'not_found' : 'failed';
  const { fileName: _fileName, ...fields } = outcome.details ?? {};
  return { status: 'error', error, fields };
}

export async function updateDocumentAction(_previous: LibraryFormState, form: FormData): Promise<LibraryFormState> {
  const input = { id: field(form, 'id'), title: field(form, 'title'), description: field(form, 'description'), category: field(form, 'category') };
  return answer(await updateLibraryDocument(getDb(), await getActor(), input));
}

export async function publishDocumentAction(_previous: LibraryFormState, form: FormData): Promise<LibraryFormState> {
  return answer(await publishLibraryDocument(getDb(), await getActor(), { id: field(form, 'id'), publish: field(form, 'publish') }));
}

export async function deleteDocumentAction(_previous: LibraryFormState, form: FormData): Promise<LibraryFormState> {
  return answer(await deleteLibraryDocument(getDb(), await getActor(), { id: field(form, 'id') }));
}
