import type { DealerRequisites, Ledger, LedgerLine } from '@/lib/finance/ledger';

// For tests: a dealer with a Cyrillic name and a ledger of `count` lines whose balances add up.

export const SAMPLE_DEALER: DealerRequisites = {
  name: 'ТОВ «Вікна Поділля»',
  code: 'D-1001',
  taxId: '38291045',
  address: 'вул. Соборна, 12, офіс 3',
  town: 'Вінниця',
  region: 'Вінницька',
  phone: '+380 67 123 45 67',
  email: 'office.d-1001@dealers.demo.test',
  currency: 'UAH',
};

/** Cents as a decimal string, exactly (integers only: no float ever holds the amount). */
function cents(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const KINDS = ['invoice', 'payment', 'delivery_charge', 'compensation', 'adjustment'] as const;

export function sampleLedger(count: number, openingCents = -150_000n): Ledger {
  let balance = openingCents;
  let debit = 0n;
  let credit = 0n;
  const entries: LedgerLine[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const amount = BigInt(100_000 + i * 3_701);
    const effect = kind === 'payment' || kind === 'compensation' ? -amount : kind === 'adjustment' ? -BigInt(i + 1) : amount;
    balance += effect;
    if (effect > 0n) debit += effect;
    else credit -= effect;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + Math.floor((i * 3) / Math.max(count, 1))).padStart(2, '0');
    entries.push({
      id: i + 1,
      date: `2026-${month}-${day}`,
      kind,
      document: i % 4 === 3 ? null : `РН-${2000 + i}`,
      orderNumber: i % 3 === 0 ? `2026-${String(400 + i).padStart(5, '0')}` : null,
      amount: cents(effect < 0n ? -effect : effect),
      effect: cents(effect),
      dueDate: kind === 'invoice' ? `2026-04-${day}` : null,
      balanceAfter: cents(balance),
    });
  }
  return {
    currency: 'UAH',
    from: '2026-01-01',
    to: '2026-03-31',
    openingBalance: cents(openingCents),
    entries,
    closingBalance: cents(balance),
    turnover: { debit: cents(debit), credit: cents(credit) },
  };
}
