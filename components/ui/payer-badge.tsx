import { useTranslations } from 'next-intl';
import type { PayerCategory } from '@/drizzle/schema/values';

// Payer discipline, green / amber / red, shown wherever a dealer appears.
const STYLES: Record<PayerCategory, { bg: string; fg: string; dot: string }> = {
  punctual: { bg: '#DCFCE7', fg: '#166534', dot: '#16A34A' },
  hesitant: { bg: '#FEF3C7', fg: '#92400E', dot: '#D97706' },
  unreliable: { bg: '#FEE2E2', fg: '#991B1B', dot: '#DC2626' },
};

export function PayerBadge({ category }: { category: PayerCategory }) {
  const t = useTranslations('payer');
  const style = STYLES[category];
  return (
    <span
      data-payer={category}
      className="inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap"
      style={{ backgroundColor: style.bg, color: style.fg }}
    >
      <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: style.dot }} />
      {t(category)}
    </span>
  );
}
