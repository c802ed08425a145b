import { useTranslations } from 'next-intl';

/** Without SMTP_URL nothing leaves the portal: say so plainly above the mails. */
export function NoSmtpBanner() {
  const t = useTranslations('mailbox');
  return (
    <p role="note" className="rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-950" data-testid="mail-no-smtp">
      {t('noSmtp')}
    </p>
  );
}

const RETRY_ANSWERS = ['ok', 'invalid', 'forbidden', 'not_found', 'not_failed'] as const;

/** The answer of "Send again", from the page's ?retry=… */
export function RetryAnswer({ value }: { value: string | undefined }) {
  const t = useTranslations('mailbox');
  const answer = RETRY_ANSWERS.find((a) => a === value);
  if (!answer) return null;
  return answer === 'ok' ? (
    <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="mail-retried">
      {t('retried')}
    </p>
  ) : (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="mail-retry-error">
      {t(`retryErrors.${answer}`)}
    </p>
  );
}
