'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { PhotoPicker, UploadProgress, useUploadErrorText, type PickedPhoto } from '@/components/files/photo-picker';
import { uploadClaimPhotos, UploadError } from '@/components/files/upload';
import { MESSAGE_MAX_LENGTH } from '@/lib/claims/schemas';
import { claimApiUrl, sendJson, type ApiFailure } from './api';
import { FailureNotice } from './failure-notice';

type Progress = { current: number; total: number; fraction: number };

/**
 * Writes in the thread (to the dealer) or an internal note, with photos: the message is stored
 * first, then its photos are sent with it one by one. When photos fail, the message stays and
 * the photos can be sent again to the same message.
 */
export function MessageComposer({ number, internal }: { number: string; internal: boolean }) {
  const t = useTranslations(internal ? 'claimDesk.notes' : 'claimDesk.thread');
  const tc = useTranslations('claimDesk.composer');
  const uploadErrorText = useUploadErrorText();
  const router = useRouter();
  const id = useId();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [missing, setMissing] = useState(false);
  // A message stored whose photos did not all go: they are sent again to it.
  const [waitingPhotos, setWaitingPhotos] = useState<{ messageId: number; error: string } | null>(null);
  const [sent, setSent] = useState(false);

  async function sendPhotos(messageId: number, files: PickedPhoto[]): Promise<boolean> {
    if (files.length === 0) return true;
    try {
      await uploadClaimPhotos(
        number,
        files.map((p) => p.file),
        { messageId, onProgress: setProgress },
      );
      return true;
    } catch (err) {
      // Photos stored before the one that failed are not sent again.
      const stored = err instanceof UploadError ? err.index : 0;
      setPhotos(files.slice(stored));
      setWaitingPhotos({ messageId, error: uploadErrorText(err) });
      return false;
    } finally {
      setProgress(null);
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSent(false);
    if (waitingPhotos) {
      setPending(true);
      const done = await sendPhotos(waitingPhotos.messageId, photos);
      setPending(false);
      if (done) {
        setWaitingPhotos(null);
        setPhotos([]);
        setSent(true);
        router.refresh();
      }
      return;
    }
    if (!body.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setPending(true);
    const answer = await sendJson<{ id: number }>(claimApiUrl(number, '/messages'), 'POST', { body: body.trim(), internal });
    if (!answer.ok) {
      setPending(false);
      setFailure(answer);
      return;
    }
    setBody('');
    const done = await sendPhotos(answer.body.id, photos);
    setPending(false);
    if (done) {
      setPhotos([]);
      setSent(true);
    }
    router.refresh();
  }

  const bodyId = `${id}-body`;
  const errorId = `${id}-error`;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 border-t border-slate-200 pt-3" data-testid={internal ? 'note-form' : 'message-form'}>
      {waitingPhotos ? null : (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={bodyId} className="text-sm font-medium text-slate-800">
            {t('label')}
          </label>
          <textarea
            id={bodyId}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setSent(false);
            }}
            rows={3}
            maxLength={MESSAGE_MAX_LENGTH}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? errorId : undefined}
            className={`w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-base focus:ring-2 focus:outline-none ${
              missing ? 'border-red-600 focus:ring-red-100' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
            }`}
          />
          {missing ? (
            <p id={errorId} className="text-sm text-red-800">
              {tc('required')}
            </p>
          ) : null}
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-medium text-slate-800">{tc('photos')}</p>
        <PhotoPicker photos={photos} onChange={setPhotos} disabled={pending} />
      </div>
      {progress ? <UploadProgress {...progress} /> : null}
      {waitingPhotos ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="photos-failed">
          {tc('photosFailed', { error: waitingPhotos.error })}
        </p>
      ) : null}
      {failure ? <FailureNotice failure={failure} /> : null}
      {sent ? (
        <p role="status" className="text-sm text-green-800">
          {t('sent')}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending || (waitingPhotos !== null && photos.length === 0)}
          className={`min-h-11 rounded-lg px-4 font-semibold text-white disabled:opacity-60 ${internal ? 'bg-amber-800 hover:bg-amber-900' : 'bg-brand-700 hover:bg-brand-800'}`}
        >
          {pending ? tc('sending') : waitingPhotos ? tc('retryPhotos') : t('send')}
        </button>
        {waitingPhotos ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => {
              setWaitingPhotos(null);
              setPhotos([]);
              router.refresh();
            }}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {tc('skipPhotos')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
