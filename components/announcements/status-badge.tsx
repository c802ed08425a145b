import { useTranslations } from 'next-intl';
import type { AnnouncementStatus } from '@/lib/announcements/queries';

const STYLE: Record<AnnouncementStatus, string> = {
  draft: 'bg-slate-100 text-slate-800',
  scheduled: 'bg-sky-100 text-sky-900',
  published: 'bg-green-100 text-green-900',
  unpublished: 'bg-red-100 text-red-900',
};

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  const t = useTranslations('announcements.status');
  return (
    <span className={`rounded-sm px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`} data-status={status} data-testid="announcement-status">
      {t(status)}
    </span>
  );
}

export function PinnedBadge() {
  const t = useTranslations('announcements');
  return (
    <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="pinned">
      {t('pinned')}
    </span>
  );
}
