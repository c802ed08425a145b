'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { PhotoPicker, UploadProgress, useUploadErrorText, type PickedPhoto } from '@/components/files/photo-picker';
import { UploadError, uploadClaimPhotos } from '@/components/files/upload';
import { Alert } from './form-controls';
import { PRIMARY_BUTTON } from './styles';

type Progress = { current: number; total: number; fraction: number };

/** More photos for the claim itself (e.g. the ones that did not get through when it was filed). */
export function AddPhotos({ number, room }: { number: string; room: number }) {
  const t = useTranslations('claimsDealer.photos');
  const uploadErrorText = useUploadErrorText();
  const router = useRouter();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);

  async function send() {
    if (busy.current || photos.length === 0) return;
    busy.current = true;
    setFailure(null);
    setProgress({ current: 1, total: photos.length, fraction: 0 });
    try {
      await uploadClaimPhotos(
        number,
        photos.map((p) => p.file),
        { onProgress: setProgress },
      );
      setPhotos([]);
    } catch (err) {
      // What got through is on the claim; the rest stays here to be sent again.
      setPhotos(photos.slice(err instanceof UploadError ? err.index : 0));
      setFailure(uploadErrorText(err));
    } finally {
      busy.current = false;
      setProgress(null);
      router.refresh();
    }
  }

  if (room <= 0) return <p className="text-sm text-slate-600">{t('full')}</p>;
  const sending = progress !== null;
  return (
    <div className="flex flex-col gap-3 border-t border-slate-100 pt-3" data-testid="add-photos">
      <h3 className="text-sm font-semibold text-slate-800">{t('addTitle')}</h3>
      <PhotoPicker photos={photos} onChange={setPhotos} max={room} disabled={sending} />
      {failure ? (
        <Alert>
          <p>{failure}</p>
        </Alert>
      ) : null}
      {progress ? <UploadProgress {...progress} /> : null}
      {photos.length > 0 ? (
        <button type="button" onClick={send} disabled={sending} className={`${PRIMARY_BUTTON} self-start`} data-testid="add-photos-send">
          {sending ? t('sending') : t('send', { count: photos.length })}
        </button>
      ) : null}
    </div>
  );
}
