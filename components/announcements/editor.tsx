'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import type { AnnouncementFile, AnnouncementStatus } from '@/lib/announcements/queries';
import { saveAnnouncementAction, type EditorState, type EditorValues } from '@/lib/announcements/form-actions';
import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '@/lib/announcements/schemas';
import { MARKDOWN_CLASSES } from './markdown-body';
import { DealerPicker, type PickedDealer } from './dealer-picker';
import { FilesPanel } from './files-panel';

const INPUT = 'min-h-11 w-full min-w-0 rounded-lg border bg-white px-3 text-base focus:ring-2 focus:outline-none';
const inputStyle = (error: boolean) => `${INPUT} ${error ? 'border-red-600 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'}`;

type Props = {
  id?: number;
  status: AnnouncementStatus | null;
  initial: EditorValues;
  regions: { region: string; dealers: number }[];
  chosenDealers: PickedDealer[];
  files: AnnouncementFile[];
};

/**
 * The factory's announcement form: title, Markdown with a live preview rendered by the server's
 * sanitizing renderer (side by side on desktops, Write/Preview tabs on phones), the audience, the
 * pin and when it goes out (Kyiv time). Pictures and files are added once the draft exists.
 */
export function AnnouncementEditor({ id, status, initial, regions, chosenDealers, files }: Props) {
  const t = useTranslations('announcements');
  const [state, action, pending] = useActionState<EditorState, FormData>(saveAnnouncementAction, { status: 'idle' });
  const values = state.status === 'error' ? state.values : initial;
  const errors = state.status === 'error' ? state.fields : {};
  const [body, setBody] = useState(values.body);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [kind, setKind] = useState(values.audienceKind);
  const [mode, setMode] = useState(values.mode);
  const [html, setHtml] = useState('');
  const [previewFailed, setPreviewFailed] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const router = useRouter();

  // The live preview: the same renderer and rules as the dealer's page, a moment after typing stops.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch('/api/v1/announcements/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: body.slice(0, BODY_MAX_LENGTH), id: id ?? null }),
        signal: controller.signal,
      })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const answer = (await response.json()) as { html: string };
          setHtml(answer.html);
          setPreviewFailed(false);
        })
        .catch((err: unknown) => {
          if ((err as Error).name !== 'AbortError') setPreviewFailed(true);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body, id, files]);

  const insert = (text: string) => {
    const area = textarea.current;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    const before = body.slice(0, start);
    const glue = before && !before.endsWith('\n') ? '\n\n' : '';
    setBody(`${before}${glue}${text}\n${body.slice(end)}`);
    setTab('write');
    requestAnimationFrame(() => area?.focus());
  };

  const fieldError = (name: string) => (errors[name] ? t(`fieldErrors.${errors[name]}`) : null);
  const unknown = state.status === 'error' ? state.unknown : [];
  const published = status === 'published';
  const modes: ('draft' | 'now' | 'schedule')[] = published ? [] : ['draft', 'now', 'schedule'];
  const submitLabel = published || mode === 'keep' ? t('saveChanges') : mode === 'now' ? t('publishNow') : mode === 'schedule' ? t('schedule') : t('saveDraft');

  return (
    <div className="flex flex-col gap-5">
      <form action={action} noValidate className="flex flex-col gap-5" data-testid="announcement-editor">
        {id ? <input type="hidden" name="id" value={id} /> : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor="announcement-title" className="text-sm font-medium text-slate-700">
            {t('fields.title')}
          </label>
          <input
            id="announcement-title"
            name="title"
            defaultValue={values.title}
            key={`title-${state.status}`}
            maxLength={TITLE_MAX_LENGTH + 50}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? 'announcement-title-error' : undefined}
            className={inputStyle(!!errors.title)}
          />
          {errors.title ? (
            <p id="announcement-title-error" className="text-sm text-red-800">
              {fieldError('title')}
            </p>
          ) : null}
        </div>

        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-medium text-slate-700" id="announcement-body-label">
              {t('fields.body')}
            </span>
            <div role="tablist" aria-label={t('fields.body')} className="flex rounded-lg border border-slate-300 p-0.5 md:hidden">
              {(['write', 'preview'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  onClick={() => setTab(name)}
                  className={`min-h-11 rounded-md px-3 text-sm font-medium ${tab === name ? 'bg-brand-700 text-white' : 'text-slate-700'}`}
                >
                  {t(`tabs.${name}`)}
                </button>
              ))}
            </div>
          </div>
          <div className="grid min-w-0 gap-3 md:grid-cols-2">
            <div className={`${tab === 'write' ? 'flex' : 'hidden'} min-w-0 flex-col gap-1 md:flex`}>
              <textarea
                ref={textarea}
                id="announcement-body"
                name="body"
                value={body}
                onChange={(e) => setBody(e.target.value)}
                rows={16}
                aria-labelledby="announcement-body-label"
                aria-invalid={errors.body ? true : undefined}
                aria-describedby="announcement-body-hint"
                className={`${inputStyle(!!errors.body)} py-2 font-mono text-sm leading-relaxed`}
              />
              <p id="announcement-body-hint" className="text-xs text-slate-600">
                {t('markdownHint', { count: body.length, max: BODY_MAX_LENGTH })}
              </p>
              {errors.body ? <p className="text-sm text-red-800">{fieldError('body')}</p> : null}
            </div>
            <section
              aria-label={t('tabs.preview')}
              className={`${tab === 'preview' ? 'block' : 'hidden'} min-h-40 min-w-0 rounded-lg border border-dashed border-slate-300 bg-white p-3 md:block`}
              data-testid="announcement-preview"
            >
              <p className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">{t('tabs.preview')}</p>
              {previewFailed ? <p className="text-sm text-red-800">{t('previewFailed')}</p> : null}
              {html ? <div className={MARKDOWN_CLASSES} dangerouslySetInnerHTML={{ __html: html }} /> : <p className="text-sm text-slate-500">{t('previewEmpty')}</p>}
            </section>
          </div>
        </div>

        <fieldset className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t('fields.audience')}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {(['all', 'regions', 'dealers'] as const).map((k) => (
              <label key={k} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="audienceKind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-5" />
                {t(`audience.${k}`)}
              </label>
            ))}
          </div>
          {kind === 'regions' ? (
            <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3" data-testid="region-choices">
              {regions.map((r) => (
                <label key={r.region} className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="checkbox" name="regions" value={r.region} defaultChecked={values.regions.includes(r.region)} className="size-5" />
                  <span>
                    {r.region} <span className="text-slate-500">({t('dealerCount', { count: r.dealers })})</span>
                  </span>
                </label>
              ))}
            </div>
          ) : null}
          {kind === 'dealers' ? <DealerPicker initial={chosenDealers} /> : null}
          {errors.audience ? (
            <p className="text-sm text-red-800" role="alert">
              {fieldError('audience')}
              {unknown.length ? ` ${unknown.join(', ')}` : ''}
            </p>
          ) : null}
        </fieldset>

        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="pinned" defaultChecked={values.pinned} className="size-5" />
          <span>{t('fields.pinned')}</span>
        </label>

        {published ? (
          <input type="hidden" name="mode" value="keep" />
        ) : (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-semibold text-slate-800">{t('fields.when')}</legend>
            {modes.map((m) => (
              <label key={m} className="flex min-h-10 items-center gap-2">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-5" />
                {t(`modes.${m}`)}
              </label>
            ))}
            {mode === 'schedule' ? (
              <div className="flex flex-col gap-1.5 pl-7">
                <label htmlFor="announcement-publish-at" className="text-sm text-slate-700">
                  {t('fields.publishAt')}
                </label>
                <input
                  id="announcement-publish-at"
                  name="publishAt"
                  type="datetime-local"
                  defaultValue={values.publishAt}
                  className={`${inputStyle(!!errors.publishAt)} max-w-xs`}
                />
                {errors.publishAt ? <p className="text-sm text-red-800">{fieldError('publishAt')}</p> : null}
              </div>
            ) : null}
          </fieldset>
        )}

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-700 px-5 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t('saving') : submitLabel}
          </button>
          {state.status === 'error' && state.error !== 'invalid' ? (
            <p role="alert" className="text-sm text-red-800">
              {t(`errors.${state.error}`)}
            </p>
          ) : null}
          {state.status === 'error' && state.error === 'invalid' ? (
            <p role="alert" className="text-sm text-red-800">
              {t('errors.invalid')}
            </p>
          ) : null}
        </div>
      </form>

      {id ? (
        <FilesPanel id={id} files={files} onInsert={insert} onChanged={() => router.refresh()} />
      ) : (
        <p className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700">{t('filesAfterSave')}</p>
      )}
    </div>
  );
}
