import { useTranslations } from 'next-intl';
import { LinkUnavailableNotice } from '@/components/ui/link-unavailable-notice';

/** An unknown, used or expired password link: say which, and who can make a new one. */
export function LinkUnavailable({ reason }: { reason: 'expired' | 'used' | 'unknown' }) {
  const t = useTranslations('resetPassword');
  return (
    <LinkUnavailableNotice
      testId="link-unavailable"
      reason={reason}
      title={t(`invalidTitle.${reason}`)}
      body={t(`invalidBody.${reason}`)}
      whoCanHelp={t('askAdmin')}
      signInLabel={t('toSignIn')}
    />
  );
}
