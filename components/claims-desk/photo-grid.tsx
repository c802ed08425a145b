import { getTranslations } from 'next-intl/server';
import type { ClaimAttachment } from '@/lib/claims/detail';

/** Photos as thumbnails that open full size; served by /api/v1/attachments/{id}, which checks who may see them. */
export async function PhotoGrid({ photos, label }: { photos: ClaimAttachment[]; label: string }) {
  const t = await getTranslations('files.photo');
  if (photos.length === 0) return null;
  return (
    <ul aria-label={label} className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="claim-photos">
      {photos.map((photo) => (
        <li key={photo.id} className="min-w-0">
          <a href={photo.url} target="_blank" rel="noopener" aria-label={t('open', { name: photo.fileName })} className="block">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private file behind the portal's own access check, not an optimisable page image */}
            <img
              src={photo.url}
              alt={photo.fileName}
              loading="lazy"
              decoding="async"
              className="aspect-square w-full rounded-lg bg-slate-100 object-cover"
            />
          </a>
        </li>
      ))}
    </ul>
  );
}
