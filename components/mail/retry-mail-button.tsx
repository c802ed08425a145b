import { useTranslations } from 'next-intl';
import { retryMailAction } from '@/lib/mail/form-actions';

/** "Send again" for a failed mail; `back` is the page to come back to. */
export function RetryMailButton({ mailId, back }: { mailId: number; back: string }) {
  const t = useTranslations('mailbox');
  return (
    <form action={retryMailAction} className="relative z-10">
      <input type="hidden" name="mailId" value={mailId} />
      <input type="hidden" name="back" value={back} />
      <button
        type="submit"
        data-testid="mail-retry"
        className="min-h-11 rounded-lg border border-brand-700 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50"
      >
        {t('retry')}
      </button>
    </form>
  );
}
