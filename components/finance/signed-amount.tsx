import type { Locale } from '@/drizzle/schema/values';
import { formatMoney } from '@/lib/i18n/format';
import { decimalAbs, decimalSign } from '@/lib/money';

/**
 * What a document does to the dealer's debt, with its sign and colour: "+" raises it (slate),
 * "−" lowers it (green). The sign is written out, so colour is never the only cue.
 */
export function SignedAmount({ effect, currency, locale, className = '' }: { effect: string; currency: string; locale: Locale; className?: string }) {
  const sign = decimalSign(effect);
  const text = formatMoney(decimalAbs(effect), currency, locale);
  return (
    <span
      className={`font-semibold whitespace-nowrap tabular-nums ${sign < 0 ? 'text-emerald-700' : 'text-slate-900'} ${className}`}
      data-sign={sign}
    >
      {sign > 0 ? '+' : sign < 0 ? '−' : ''}
      {text}
    </span>
  );
}

/** A balance as a signed figure: positive, the dealer owes; negative, the factory owes him. */
export function BalanceFigure({ balance, currency, locale, className = '' }: { balance: string; currency: string; locale: Locale; className?: string }) {
  const sign = decimalSign(balance);
  return (
    <span className={`whitespace-nowrap tabular-nums ${className}`} data-sign={sign}>
      {sign < 0 ? '−' : ''}
      {formatMoney(decimalAbs(balance), currency, locale)}
    </span>
  );
}
