import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import type { PayerRuleSettings } from '@/lib/finance/payer-category';
import { formatDateTime } from '@/lib/i18n/format';
import { PayerRuleForm } from './payer-rule-form';

/** How the payer category is set, in words with the thresholds in force; administrators change them here. */
export async function PayerRuleSection({ settings, canEdit }: { settings: PayerRuleSettings; canEdit: boolean }) {
  const t = await getTranslations('factoryFinance.rule');
  const locale = (await getLocale()) as Locale;
  const { rule } = settings;
  return (
    <details className="group rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="payer-rule">
      <summary className="flex min-h-11 cursor-pointer items-center text-base font-semibold">{t('title')}</summary>
      <div className="mt-2 flex flex-col gap-3 text-sm text-slate-700">
        <ol className="list-decimal space-y-1 pl-5">
          <li>{t('step1')}</li>
          <li>{t('step2', { months: rule.lookbackMonths })}</li>
          <li>{t('step3', { grace: rule.graceDays })}</li>
          <li>
            {t('step4', {
              unreliableDays: rule.unreliableAvgDays,
              unreliablePercent: rule.unreliableLatePercent,
              hesitantDays: rule.hesitantAvgDays,
              hesitantPercent: rule.hesitantLatePercent,
            })}
          </li>
        </ol>
        <p>{t('when')}</p>
        <p className="text-xs text-slate-600">{settings.updatedAt ? t('changedAt', { date: formatDateTime(settings.updatedAt, locale) }) : t('defaults')}</p>
        {canEdit ? <PayerRuleForm rule={rule} /> : <p className="text-xs text-slate-600">{t('adminsOnly')}</p>}
      </div>
    </details>
  );
}
