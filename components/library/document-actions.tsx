'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { LIBRARY_CATEGORIES, type LibraryCategory } from '@/lib/library/categories';
import { deleteDocumentAction, publishDocumentAction, updateDocumentAction, type LibraryFormState } from '@/lib/library/form-actions';
import { MAX_DESCRIPTION, MAX_TITLE } from '@/lib/library/schemas';
import { useProblemMessage } from './problem-message';
import { DOCUMENT_ACCEPT, sendDocument, type SendProblem } from './send-document';

const FIELD = 'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';
const BUTTON = 'inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60';

export type EditableDocument = { id: number; title: string; description: string | null; category: LibraryCategory; published: boolean };

function ErrorNote({ state }: { state: LibraryFormState }) {
  const t = useTranslations('library');
  if (state.status !== 'error') return null;
  return (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.error === 'invalid' ? t('errors.invalid') : t(`errors.${state.error}`)}
    </p>
  );
}

/** One document's buttons on the factory page: publish or unpublish, edit, replace the file, delete. */
export function DocumentActions({ document }: { document: EditableDocument }) {
  const t = useTranslations('library');
  const router = useRouter();
  const describe = useProblemMessage();
  const [publishState, publish, publishing] = useActionState<LibraryFormState, FormData>(publishDocumentAction, { status: 'idle' });
  const [editState, edit, saving] = useActionState<LibraryFormState, FormData>(updateDocumentAction, { status: 'idle' });
  const [deleteState, remove, deleting] = useActionState<LibraryFormState, FormData>(deleteDocumentAction, { status: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [replaceProblem, setReplaceProblem] = useState<SendProblem | null>(null);
  const [replaced, setReplaced] = useState(false);
  const editFields = editState.status === 'error' ? editState.fields : {};

  async function replace(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const file = form.get('file');
    setReplaced(false);
    if (!(file instanceof File) || !file.name) {
      setReplaceProblem({ kind: 'status', code: 'noFile' });
      return;
    }
    setReplacing(true);
    setReplaceProblem(null);
    const result = await sendDocument(`/api/v1/library/${document.id}/file`, form, file);
    setReplacing(false);
    if (!result.ok) {
      setReplaceProblem(result.problem);
      return;
    }
    element.reset();
    setReplaced(true);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <form action={publish}>
          <input type="hidden" name="id" value={document.id} />
          <input type="hidden" name="publish" value={document.published ? 'false' : 'true'} />
          <button
            type="submit"
            disabled={publishing}
            className={document.published ? BUTTON : 'inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60'}
            data-testid="library-publish-toggle"
          >
            {document.published ? t('unpublish') : t('publish')}
          </button>
        </form>
        {confirming ? (
          <form action={remove} className="flex flex-wrap gap-2">
            <input type="hidden" name="id" value={document.id} />
            <button type="submit" disabled={deleting} className="inline-flex min-h-11 items-center justify-center rounded-lg bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60" data-testid="library-delete-confirm">
              {t('deleteConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={BUTTON}>
              {t('cancel')}
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className={`${BUTTON} text-red-800`} data-testid="library-delete">
            {t('delete')}
          </button>
        )}
      </div>
      <ErrorNote state={publishState} />
      <ErrorNote state={deleteState} />
      <details className="rounded-lg border border-slate-200 px-3 py-2">
        <summary className="min-h-11 cursor-pointer py-3 text-sm font-medium text-brand-800">{t('edit')}</summary>
        <form action={edit} noValidate className="mt-2 flex flex-col gap-2">
          <input type="hidden" name="id" value={document.id} />
          <label className={LABEL} htmlFor={`lib-edit-title-${document.id}`}>
            {t('documentTitle')}
          </label>
          <input id={`lib-edit-title-${document.id}`} name="title" defaultValue={document.title} maxLength={MAX_TITLE} required className={FIELD} />
          {editFields.title ? <p className="text-sm text-red-700">{t('errors.title', { max: MAX_TITLE })}</p> : null}
          <label className={LABEL} htmlFor={`lib-edit-category-${document.id}`}>
            {t('category')}
          </label>
          <select id={`lib-edit-category-${document.id}`} name="category" defaultValue={document.category} className={FIELD}>
            {LIBRARY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
          <label className={LABEL} htmlFor={`lib-edit-description-${document.id}`}>
            {t('description')}
          </label>
          <textarea id={`lib-edit-description-${document.id}`} name="description" defaultValue={document.description ?? ''} rows={2} maxLength={MAX_DESCRIPTION} className={`${FIELD} py-2`} />
          {editFields.description ? <p className="text-sm text-red-700">{t('errors.description', { max: MAX_DESCRIPTION })}</p> : null}
          <button type="submit" disabled={saving} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {saving ? t('saving') : t('save')}
          </button>
          {editState.status === 'saved' ? (
            <p role="status" className="text-sm text-emerald-800">
              {editState.changed ? t('saved') : t('unchanged')}
            </p>
          ) : null}
          {editState.status === 'error' && editState.error !== 'invalid' ? <ErrorNote state={editState} /> : null}
        </form>
        <form onSubmit={replace} noValidate className="mt-3 flex flex-col gap-2 border-t border-slate-100 pt-3">
          <label className={LABEL} htmlFor={`lib-replace-${document.id}`}>
            {t('replaceFile')}
          </label>
          <input
            id={`lib-replace-${document.id}`}
            name="file"
            type="file"
            accept={DOCUMENT_ACCEPT}
            className="min-h-11 w-full min-w-0 text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-medium"
          />
          <button type="submit" disabled={replacing} className={`${BUTTON} self-start`}>
            {replacing ? t('uploading') : t('replace')}
          </button>
          {replaceProblem ? (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {describe(replaceProblem)}
            </p>
          ) : null}
          {replaced ? (
            <p role="status" className="text-sm text-emerald-800">
              {t('replaced')}
            </p>
          ) : null}
        </form>
      </details>
    </div>
  );
}
