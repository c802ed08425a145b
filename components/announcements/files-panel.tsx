'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { manageAnnouncementAction, type ManageState } from '@/lib/announcements/form-actions';
import type { AnnouncementFile } from '@/lib/announcements/queries';

const INLINE = ['image/jpeg', 'image/png', 'image/webp'];

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Pictures (insertable into the text) and documents (listed for download) of a saved announcement. */
export function FilesPanel({ id, files, onInsert, onChanged }: { id: number; files: AnnouncementFile[]; onInsert: (markdown: string) => void; onChanged: () => void }) {
  const t = useTranslations('announcements');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (list: FileList | null) => {
    if (!list?.length) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of Array.from(list)) {
        const form = new FormData();
        form.append('file', file);
        const response = await fetch(`/api/v1/announcements/${id}/attachments`, { method: 'POST', body: form });
        const answer = (await response.json().catch(() => null)) as { error?: { details?: { file?: string } }; attachments?: { id: string; fileName: string; inline: boolean }[] } | null;
        if (!response.ok) {
          const code = answer?.error?.details?.file;
          setError(t(`uploadErrors.${['empty', 'too_large', 'not_document', 'not_image', 'damaged', 'too_many'].includes(code ?? '') ? code : 'other'}`, { name: file.name }));
          break;
        }
        for (const a of answer?.attachments ?? []) if (a.inline) onInsert(`![${a.fileName.replace(/[[\]]/g, '')}](/api/v1/attachments/${a.id})`);
      }
    } catch {
      setError(t('uploadErrors.other', { name: '' }));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
      onChanged();
    }
  };

  return (
    <section className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="announcement-files">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('files.title')}</h2>
        <label className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-brand-700 px-4 text-sm font-medium text-brand-800 hover:bg-brand-50 ${busy ? 'opacity-60' : ''}`}>
          {busy ? t('files.uploading') : t('files.add')}
          <input
            ref={input}
            type="file"
            className="sr-only"
            multiple
            disabled={busy}
            accept="image/jpeg,image/png,image/webp,application/pdf,.pdf,.xlsx,.docx"
            onChange={(e) => void upload(e.target.files)}
            data-testid="announcement-file-input"
          />
        </label>
      </div>
      <p className="text-xs text-slate-600">{t('files.hint')}</p>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {files.length ? (
        <ul className="flex flex-col divide-y divide-slate-100">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm" data-testid="announcement-file">
              <a href={`/api/v1/attachments/${f.id}`} className="min-w-0 break-all text-brand-700 underline" target="_blank" rel="noreferrer">
                {f.fileName}
              </a>
              <span className="text-slate-500">{size(f.sizeBytes)}</span>
              <span className="flex gap-2">
                {INLINE.includes(f.mimeType) ? (
                  <button
                    type="button"
                    onClick={() => onInsert(`![${f.fileName.replace(/[[\]]/g, '')}](/api/v1/attachments/${f.id})`)}
                    className="min-h-9 rounded-lg border border-slate-300 px-3 hover:bg-slate-100"
                  >
                    {t('files.insert')}
                  </button>
                ) : null}
                <RemoveFile id={id} attachmentId={f.id} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('files.none')}</p>
      )}
    </section>
  );
}

function RemoveFile({ id, attachmentId }: { id: number; attachmentId: string }) {
  const t = useTranslations('announcements');
  const [state, action, pending] = useActionState<ManageState, FormData>(manageAnnouncementAction, { status: 'idle' });
  return (
    <form action={action}>
      <input type="hidden" name="intent" value="removeFile" />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" disabled={pending} className="min-h-9 rounded-lg border border-red-300 px-3 text-red-800 hover:bg-red-50 disabled:opacity-60">
        {t('files.remove')}
      </button>
      {state.status === 'error' ? <span className="ml-2 text-red-800">{t(`errors.${state.error}`)}</span> : null}
    </form>
  );
}
