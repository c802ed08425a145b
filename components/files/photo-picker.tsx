'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_OWNER, MIB, type PhotoType, type Refusal } from '@/lib/files/limits';
import { preparePhoto } from './compress';
import { UploadError } from './upload';

// Photos for a claim or a message, from the phone's camera or its gallery: each checked by its
// content and shrunk on the phone as it is picked, shown as a preview that can be removed. The
// form that holds the picker sends them with uploadClaimPhotos() once it knows the claim.

export type PickedPhoto = {
  key: string;
  /** What will be sent: the shrunk JPEG, or the original when the browser could not shrink it. */
  file: File;
  type: PhotoType;
  compressed: boolean;
  originalName: string;
  originalSize: number;
  /** An object URL of `file` for the preview; null when this browser cannot show it (HEIC). */
  previewUrl: string | null;
};

type Problem = { refusal: Refusal; name: string };

const mb = (bytes: number) => Math.max(0.1, Math.round((bytes / MIB) * 10) / 10);

export function PhotoPicker({
  photos,
  onChange,
  max = MAX_PHOTOS_PER_OWNER,
  disabled = false,
}: {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  /** How many photos may still be added here. */
  max?: number;
  disabled?: boolean;
}) {
  const t = useTranslations('files.picker');
  const tr = useTranslations('files.refused');
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);

  // Object URLs of photos that left the list (removed, or sent and cleared) are released.
  const shown = useRef<PickedPhoto[]>([]);
  useEffect(() => {
    const keep = new Set(photos.map((p) => p.previewUrl));
    for (const old of shown.current) if (old.previewUrl && !keep.has(old.previewUrl)) URL.revokeObjectURL(old.previewUrl);
    shown.current = photos;
  }, [photos]);
  useEffect(
    () => () => {
      for (const p of shown.current) if (p.previewUrl) URL.revokeObjectURL(p.previewUrl);
    },
    [],
  );

  async function add(list: FileList | null) {
    const picked = Array.from(list ?? []);
    if (picked.length === 0) return;
    setBusy(true);
    const found: Problem[] = [];
    const added: PickedPhoto[] = [];
    for (const file of picked) {
      if (photos.length + added.length >= max) {
        found.push({ refusal: 'too_many', name: file.name });
        continue;
      }
      const prepared = await preparePhoto(file);
      if (!prepared.ok) {
        found.push({ refusal: prepared.refusal, name: prepared.originalName });
        continue;
      }
      const showable = prepared.type !== 'image/heic' && prepared.type !== 'image/heif';
      added.push({
        key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
        file: prepared.file,
        type: prepared.type,
        compressed: prepared.compressed,
        originalName: prepared.originalName,
        originalSize: prepared.originalSize,
        previewUrl: showable ? URL.createObjectURL(prepared.file) : null,
      });
    }
    setProblems(found);
    setBusy(false);
    if (added.length) onChange([...photos, ...added]);
  }

  const full = photos.length >= max;
  const button =
    'flex min-h-11 flex-1 cursor-pointer items-center justify-center rounded-lg border border-brand-700 px-3 text-center text-sm font-medium text-brand-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50';
  const inputProps = {
    type: 'file' as const,
    accept: 'image/*,.heic,.heif',
    className: 'sr-only',
    disabled: disabled || busy || full,
    'aria-describedby': hintId,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      void add(input.files).finally(() => {
        input.value = '';
      });
    },
  };

  return (
    <div className="flex flex-col gap-3" data-testid="photo-picker">
      <div className="flex flex-wrap gap-2">
        <label className={button}>
          <input {...inputProps} capture="environment" />
          {t('take')}
        </label>
        <label className={button}>
          <input {...inputProps} multiple />
          {t('choose')}
        </label>
      </div>
      <p id={hintId} className="text-xs text-slate-600">
        {t('hint', { max, size: MAX_PHOTO_BYTES / MIB })} {t('count', { count: photos.length, max })}
      </p>
      {busy ? (
        <p role="status" className="text-sm text-slate-700">
          {t('preparing')}
        </p>
      ) : null}
      {problems.length ? (
        <ul role="alert" className="flex flex-col gap-1 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
          {problems.map((p, i) => (
            <li key={i}>{tr(p.refusal, { name: p.name, max, size: MAX_PHOTO_BYTES / MIB })}</li>
          ))}
        </ul>
      ) : null}
      {photos.length ? (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label={t('selected')}>
          {photos.map((photo) => (
            <li key={photo.key} className="relative flex min-w-0 flex-col gap-1" data-testid="picked-photo">
              {photo.previewUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local blob preview, not a page image
                <img src={photo.previewUrl} alt={photo.originalName} className="aspect-square w-full rounded-lg bg-slate-100 object-cover" />
              ) : (
                <div className="flex aspect-square w-full items-center justify-center rounded-lg bg-slate-100 p-1 text-center text-xs break-all text-slate-700">
                  {photo.originalName}
                </div>
              )}
              <span className="truncate text-xs text-slate-600">
                {photo.compressed ? t('size', { size: mb(photo.file.size) }) : t('asTaken', { size: mb(photo.file.size) })}
              </span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(photos.filter((p) => p.key !== photo.key))}
                aria-label={t('remove', { name: photo.originalName })}
                className="absolute top-1 right-1 flex h-9 w-9 items-center justify-center rounded-full bg-white/90 text-lg leading-none text-slate-900 shadow disabled:opacity-50"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A sentence for an upload that stopped, in the person's language. */
export function useUploadErrorText(): (error: unknown) => string {
  const tr = useTranslations('files.refused');
  const tu = useTranslations('files.upload');
  return (error) => {
    if (!(error instanceof UploadError)) return tu('failed');
    const values = { name: error.fileName, max: MAX_PHOTOS_PER_OWNER, size: MAX_PHOTO_BYTES / MIB };
    switch (error.code) {
      case 'empty':
      case 'too_large':
      case 'not_image':
      case 'damaged':
      case 'too_many':
        return tr(error.code, values);
      case 'network':
      case 'unauthorized':
      case 'forbidden':
      case 'not_found':
      case 'closed':
      case 'failed':
        return tu(error.code, values);
    }
  };
}

/** How far the sending of photos has come, for the form that sends them. */
export function UploadProgress({ current, total, fraction }: { current: number; total: number; fraction: number }) {
  const t = useTranslations('files.upload');
  const label = t('progress', { current, total });
  return (
    <div role="status" className="flex flex-col gap-1 text-sm text-slate-700" data-testid="upload-progress">
      <span>{label}</span>
      <progress max={1} value={Math.min(1, Math.max(0, fraction))} aria-label={label} className="h-2 w-full accent-brand-700" />
    </div>
  );
}
