import { useTranslations } from 'next-intl';
import type { ClaimAttachment } from '@/lib/claims/detail';

const SHOWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Photos as thumbnails that open full size, served by /api/v1/attachments/{id} (which checks who
 * may see them). A HEIC most browsers cannot draw shows its name and still opens.
 */
export function PhotoThumbs({ photos, testId = 'claim-photo' }: { photos: ClaimAttachment[]; testId?: string }) {
  const t = useTranslations('files.photo');
  return (
    <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
      {photos.map((photo) => (
        <li key={photo.id} className="min-w-0" data-testid={testId} data-attachment={photo.id}>
          <a href={photo.url} target="_blank" rel="noopener" aria-label={t('open', { name: photo.fileName })} className="block">
            {SHOWABLE.has(photo.mimeType) ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private file behind the portal's own access check, not an optimisable page image
              <img src={photo.url} alt={photo.fileName} loading="lazy" decoding="async" className="aspect-square w-full rounded-lg bg-slate-100 object-cover" />
            ) : (
              <span className="flex aspect-square w-full items-center justify-center rounded-lg bg-slate-100 p-1 text-center text-xs break-all text-slate-700">
                {photo.fileName}
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
