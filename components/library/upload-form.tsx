'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { MAX_DOCUMENT_BYTES, MIB } from '@/lib/files/limits';
import { LIBRARY_CATEGORIES } from '@/lib/library/categories';
import { MAX_DESCRIPTION, MAX_TITLE } from '@/lib/library/schemas';
import { useProblemMessage } from './problem-message';
import { DOCUMENT_ACCEPT, sendDocument, type SendProblem } from './send-document';

const FIELD = 'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/** Factory staff add a document: the file, its title, description and category, published now or kept as a draft. */
export function UploadForm() {
  const t = useTranslations('library');
  const router = useRouter();
  const describe = useProblemMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fields = problem?.kind === 'fields' ? problem.fields : {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    setDone(null);
    if (!(file instanceof File) || !file.name) {
      setProblem({ kind: 'status', code: 'noFile' });
      return;
    }
    const title = String(form.get('title') ?? '').trim();
    if (!title) {
      setProblem({ kind: 'fields', fields: { title: 'required' } });
      return;
    }
    setPending(true);
    setProblem(null);
    const result = await sendDocument('/api/v1/library', form, file);
    setPending(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    formRef.current?.reset();
    setDone(title);
    router.refresh();
  }

  return (
    <section aria-labelledby="library-upload-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
      <div>
        <h2 id="library-upload-title" className="text-base font-semibold">
          {t('uploadTitle')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('uploadHint', { max: MAX_DOCUMENT_BYTES / MIB })}</p>
      </div>
      <form ref={formRef} onSubmit={submit} noValidate className="grid grid-cols-1 gap-3 md:grid-cols-2" data-testid="library-upload-form">
        <div className="flex min-w-0 flex-col gap-1.5 md:col-span-2">
          <label htmlFor="lib-file" className={LABEL}>
            {t('file')}
          </label>
          <input
            id="lib-file"
            name="file"
            type="file"
            accept={DOCUMENT_ACCEPT}
            required
            className="min-h-11 w-full min-w-0 text-base file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-medium"
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="lib-title" className={LABEL}>
            {t('documentTitle')}
          </label>
          <input
            id="lib-title"
            name="title"
            required
            maxLength={MAX_TITLE}
            autoComplete="off"
            aria-invalid={fields.title ? true : undefined}
            aria-describedby={fields.title ? 'lib-title-error' : undefined}
            className={FIELD}
          />
          {fields.title ? (
            <p id="lib-title-error" className="text-sm text-red-700">
              {t('errors.title', { max: MAX_TITLE })}
            </p>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="lib-category" className={LABEL}>
            {t('category')}
          </label>
          <select id="lib-category" name="category" defaultValue="price_lists" className={FIELD}>
            {LIBRARY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5 md:col-span-2">
          <label htmlFor="lib-description" className={LABEL}>
            {t('description')}
          </label>
          <textarea id="lib-description" name="description" rows={2} maxLength={MAX_DESCRIPTION} className={`${FIELD} py-2`} />
          {fields.description ? <p className="text-sm text-red-700">{t('errors.description', { max: MAX_DESCRIPTION })}</p> : null}
        </div>
        <label className="flex min-h-11 items-center gap-2 text-base">
          <input type="checkbox" name="publish" value="on" defaultChecked className="size-5 accent-brand-700" />
          {t('publishNow')}
        </label>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-lg bg-brand-700 px-4 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60 md:justify-self-end"
        >
          {pending ? t('uploading') : t('upload')}
        </button>
      </form>
      {problem && problem.kind !== 'fields' ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="library-upload-error">
          {describe(problem)}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="library-upload-done">
          {t('uploaded', { title: done })}
        </p>
      ) : null}
    </section>
  );
}
