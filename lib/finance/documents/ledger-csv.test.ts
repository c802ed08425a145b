import { describe, expect, it } from 'vitest';
import type { Ledger } from '@/lib/finance/ledger';
import { csvText, ledgerCsv } from './ledger-csv';
import { sampleLedger } from './testing/sample-ledger';
import { documentTexts } from './testing/texts';

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

const tricky: Ledger = {
  currency: 'UAH',
  from: '2026-02-01',
  to: '2026-02-28',
  openingBalance: '-10.50',
  entries: [
    { id: 1, date: '2026-02-03', kind: 'invoice', document: '=HYPERLINK("http://x";"y")', orderNumber: '+380', amount: '1234.56', effect: '1234.56', dueDate: '2026-02-17', balanceAfter: '1224.06' },
    { id: 2, date: '2026-02-10', kind: 'payment', document: 'П/д "12"; 2', orderNumber: null, amount: '1000.00', effect: '-1000.00', dueDate: null, balanceAfter: '224.06' },
    { id: 3, date: '2026-02-11', kind: 'adjustment', document: '@sum\nline', orderNumber: '-1', amount: '-0.06', effect: '-0.06', dueDate: null, balanceAfter: '224.00' },
  ],
  closingBalance: '224.00',
  turnover: { debit: '1234.56', credit: '1000.06' },
};

describe('ledger CSV', () => {
  it('starts with a BOM, uses semicolons and decimal commas in Ukrainian, and frames the entries with the balances', () => {
    const csv = ledgerCsv(tricky, 'uk', documentTexts('uk'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = lines(csv);
    expect(rows[0]).toBe('Дата;Операція;Документ;Замовлення;Дебет, грн;Кредит, грн;Сальдо, грн;Сплатити до');
    expect(rows[1]).toBe('2026-02-01;Сальдо на початок періоду;;;;;-10,50;');
    expect(rows[2]).toBe(`2026-02-03;Рахунок;"'=HYPERLINK(""http://x"";""y"")";'+380;1234,56;;1224,06;2026-02-17`);
    expect(rows[3]).toBe('2026-02-10;Оплата;"П/д ""12""; 2";;;1000,00;224,06;');
    expect(rows[4]).toBe(`2026-02-11;Коригування;"'@sum\nline";'-1;;0,06;224,00;`);
    expect(rows[5]).toBe(';Обороти за період;;;1234,56;1000,06;;');
    expect(rows[6]).toBe('2026-02-28;Сальдо на кінець періоду;;;;;224,00;');
    expect(rows[7]).toBe('');
  });

  it('uses commas and decimal points in English', () => {
    const rows = lines(ledgerCsv(tricky, 'en', documentTexts('en')));
    expect(rows[0]).toBe('Date,Entry,Document,Order,"Debit, UAH","Credit, UAH","Balance, UAH",Due date');
    expect(rows[3]).toBe('2026-02-10,Payment,"П/д ""12""; 2",,,1000.00,224.06,');
    expect(rows[6]).toBe('2026-02-28,Closing balance,,,,,224.00,');
  });

  it('writes Russian with semicolons, and one row per entry of a long ledger', () => {
    const ledger = sampleLedger(500);
    const rows = lines(ledgerCsv(ledger, 'ru', documentTexts('ru')));
    expect(rows).toHaveLength(1 + 1 + 500 + 2 + 1);
    expect(rows.at(-2)).toBe(`2026-03-31;Сальдо на конец периода;;;;;${ledger.closingBalance.replace('.', ',')};`);
  });

  it('defuses every formula lead and quotes only when needed', () => {
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvText(`${lead}1`, ';').startsWith("'")).toBe(true);
    expect(csvText('a,b', ';')).toBe('a,b');
    expect(csvText('a,b', ',')).toBe('"a,b"');
    expect(csvText('ТОВ «Вікна»', ';')).toBe('ТОВ «Вікна»');
  });
});
