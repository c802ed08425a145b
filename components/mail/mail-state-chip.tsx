import { useTranslations } from 'next-intl';
import type { MailState } from '@/drizzle/schema/values';

const STYLE: Record<MailState, string> = {
  pending: 'border-dashed border-amber-400 bg-amber-50 text-amber-900',
  sending: 'border-sky-300 bg-sky-50 text-sky-900',
  sent: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  failed: 'border-red-300 bg-red-50 text-red-800',
};

/** Where a mail is: waiting (or being sent), sent, or failed for good. */
export function MailStateChip({ state }: { state: MailState }) {
  const t = useTranslations('mailbox.states');
  return (
    <span data-testid="mail-state" data-state={state} className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[state]}`}>
      {t(state)}
    </span>
  );
}

/** A critical notification's mark. */
export function ImportantMark() {
  const t = useTranslations('mailbox');
  return <span className="inline-flex items-center rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">{t('important')}</span>;
}
