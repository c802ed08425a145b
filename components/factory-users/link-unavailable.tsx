import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** An unknown, used or expired password link: say which, and who can make a new one. */
export function LinkUnavailable({ reason }: { reason: 'expired' | 'used' | 'unknown' }) {
  const t = useTranslations('resetPassword');
  return (
    <div className="flex flex-col gap-3" data-testid="link-unavailable" data-reason={reason}>
      <h2 className="text-lg font-semibold">{t(`invalidTitle.${reason}`)}</h2>
      <p className="text-sm text-slate-700">{t(`invalidBody.${reason}`)}</p>
      <p className="text-sm font-medium text-slate-900">{t('askAdmin')}</p>
      <Link
        href="/login"
        className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-300 px-4 text-base font-medium text-slate-800 hover:bg-slate-100"
      >
        {t('toSignIn')}
      </Link>
    </div>
  );
}
