'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { PhotoPicker, UploadProgress, useUploadErrorText, type PickedPhoto } from '@/components/files/photo-picker';
import { UploadError, uploadClaimPhotos } from '@/components/files/upload';
import { OutboxMessages } from '@/components/pwa/outbox-messages';
import { outboxUserId } from '@/components/pwa/outbox-store';
import { MESSAGE_MAX_LENGTH } from '@/lib/claims/schemas';
import { enqueueClaimMessage, requestBackgroundSync } from '@/lib/pwa/outbox';
import { newIdempotencyKey, postJson } from './api';
import { textFailureSaid, type Said } from './claim-errors';
import { Alert, TextAreaField } from './form-controls';
import { PRIMARY_BUTTON } from './styles';

type Progress = { current: number; total: number; fraction: number };
/** A message that went out while its photos did not: they can be sent again to the same message. */
type Pending = { messageId: number; failure: string };

/**
 * The dealer's word in the claim's thread, with photos. On a claim waiting for him (`answer`) it
 * is his answer, and the API hands the claim back to the desk. The message goes first, then its
 * photos one by one; nothing typed is lost when something fails. Offline (or with no answer) the
 * message and its photos wait in the outbox, shown above the box, and go when the connection returns.
 */
export function MessageComposer({ number, mode, knownMessageIds }: { number: string; mode: 'message' | 'answer'; knownMessageIds?: readonly number[] }) {
  const t = useTranslations('claimsDealer.thread');
  const to = useTranslations('outbox');
  const te = useTranslations('claimsDealer.errors');
  const uploadErrorText = useUploadErrorText();
  const router = useRouter();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [fieldError, setFieldError] = useState<Said | null>(null);
  const [problem, setProblem] = useState<Said | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [sent, setSent] = useState(false);
  const [queued, setQueued] = useState(false);
  const [storeFailed, setStoreFailed] = useState(false);
  // One key per message: a resend after a lost answer is the same message.
  const [key, setKey] = useState(newIdempotencyKey);
  const busy = useRef(false);
  const id = `claim-${mode}`;

  async function sendPhotos(messageId: number): Promise<boolean> {
    if (photos.length === 0) return true;
    setProgress({ current: 1, total: photos.length, fraction: 0 });
    try {
      await uploadClaimPhotos(
        number,
        photos.map((p) => p.file),
        { messageId, onProgress: setProgress },
      );
      return true;
    } catch (err) {
      const stored = err instanceof UploadError ? err.index : 0;
      setPhotos(photos.slice(stored));
      setPending({ messageId, failure: uploadErrorText(err) });
      return false;
    } finally {
      setProgress(null);
    }
  }

  /** Keeps the message with its photos on this device, to be sent when the connection returns. */
  async function queue() {
    try {
      await enqueueClaimMessage({ id: key, userId: outboxUserId(), claimNumber: number, body, photos: photos.map((p) => ({ blob: p.file, name: p.file.name, type: p.file.type })) });
    } catch (err) {
      console.error('claim thread: the message could not be saved for later', { claim: number, err });
      setStoreFailed(true);
      return;
    }
    setBody('');
    setPhotos([]);
    setFieldError(null);
    setKey(newIdempotencyKey());
    setQueued(true);
    void requestBackgroundSync();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    setProblem(null);
    setSent(false);
    setQueued(false);
    setStoreFailed(false);
    if (!pending && body.trim() === '') {
      setFieldError({ key: photos.length ? 'field.messageWithPhotos' : 'field.message' });
      return;
    }
    busy.current = true;
    setSending(true);
    try {
      let messageId = pending?.messageId;
      if (messageId === undefined) {
        if (!navigator.onLine) {
          await queue();
          return;
        }
        const answer = await postJson<{ id: number }>(`/api/v1/claims/${encodeURIComponent(number)}/messages`, { body }, { 'Idempotency-Key': key });
        if (!answer.ok && answer.status === 0) {
          // It may or may not have arrived: the outbox sends it again under the same key.
          await queue();
          return;
        }
        if (!answer.ok) {
          const said = textFailureSaid(answer, 'body');
          setFieldError(said.field ?? null);
          setProblem(said.general ?? null);
          if (answer.status === 409) router.refresh();
          return;
        }
        messageId = answer.body.id;
        setBody('');
        setFieldError(null);
        setKey(newIdempotencyKey());
      }
      if (await sendPhotos(messageId)) {
        setPending(null);
        setPhotos([]);
        setSent(true);
      }
      router.refresh();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid={`composer-${mode}`} aria-busy={sending}>
      <OutboxMessages
        number={number}
        knownMessageIds={knownMessageIds}
        onEdit={(text) => {
          setBody(text);
          setKey(newIdempotencyKey());
        }}
      />
      {pending ? null : (
        <TextAreaField
          id={id}
          label={mode === 'answer' ? t('answerLabel') : t('messageLabel')}
          hint={mode === 'answer' ? t('answerHint') : undefined}
          error={fieldError ? te(fieldError.key, fieldError.values) : undefined}
          value={body}
          maxLength={MESSAGE_MAX_LENGTH}
          rows={mode === 'answer' ? 4 : 3}
          disabled={sending}
          onChange={(e) => {
            setBody(e.target.value);
            if (fieldError) setFieldError(null);
          }}
        />
      )}
      <PhotoPicker photos={photos} onChange={setPhotos} disabled={sending} />
      {problem ? (
        <Alert>
          <p>{te(problem.key, problem.values)}</p>
        </Alert>
      ) : null}
      {pending ? (
        <Alert tone="warning" testId="message-photos-failed">
          <p className="font-semibold">{t('sentPhotosFailed')}</p>
          <p>{pending.failure}</p>
          <button
            type="button"
            className="self-start font-medium underline underline-offset-2"
            onClick={() => {
              setPending(null);
              setPhotos([]);
            }}
          >
            {t('dropPhotos')}
          </button>
        </Alert>
      ) : null}
      {queued ? (
        <Alert tone="warning" testId="message-queued">
          <p>{to('message.queued')}</p>
        </Alert>
      ) : null}
      {storeFailed ? (
        <Alert>
          <p>{to('storageFailed')}</p>
        </Alert>
      ) : null}
      {sent ? (
        <Alert tone="success">
          <p>{mode === 'answer' ? t('answerSent') : t('messageSent')}</p>
        </Alert>
      ) : null}
      {progress ? <UploadProgress {...progress} /> : null}
      <button type="submit" disabled={sending || (pending !== null && photos.length === 0)} className={`${PRIMARY_BUTTON} self-start`} data-testid={`composer-${mode}-send`}>
        {sending ? t('sending') : pending ? t('retryPhotos') : mode === 'answer' ? t('sendAnswer') : t('send')}
      </button>
    </form>
  );
}
