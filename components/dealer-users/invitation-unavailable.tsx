import { useTranslations } from 'next-intl';
import { LinkUnavailableNotice } from '@/components/ui/link-unavailable-notice';

/** An unknown, used or expired invitation link: say which, and who can make a new one. */
export function InvitationUnavailable({ reason }: { reason: 'expired' | 'used' | 'unknown' }) {
  const t = useTranslations('dealerUsers.accept');
  return (
    <LinkUnavailableNotice
      testId="invitation-unavailable"
      reason={reason}
      title={t(`invalidTitle.${reason}`)}
      body={t(`invalidBody.${reason}`)}
      whoCanHelp={t('askOwner')}
      signInLabel={t('toSignIn')}
    />
  );
}
