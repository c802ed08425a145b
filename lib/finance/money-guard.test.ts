import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Money is never a JS float in the finance code: amounts stay decimal strings (numeric in SQL,
// BigInt kopiyky where a chart must scale them). A scan rather than an eslint rule, because the
// danger is a pattern on money-named values (Number(amount), +balance, parseFloat, toFixed), not a
// syntax eslint can tell apart from Number(row.id); a line that must convert something money-named
// that is not money says so with "money-guard: not money".

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['lib/finance', 'components/finance', 'components/factory-finance', 'app/api/v1/finance', 'app/(dealer)/dealer/finance', 'app/(factory)/factory/finance'];
const MONEY = String.raw`(?:amount|balance|effect|debit|credit|overdue|due\w*|paid|invoiced|compensated|charged|opening|closing|turnover|price|money)`;

/**
 * Known conversions at an edge, where a decimal string is handed over as a number with no
 * arithmetic (the owner may instead mark the line with "money-guard: not money").
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  { file: 'lib/finance/documents/ledger-xlsx.ts', text: 'return Number(amount);', why: 'an XLSX cell: Excel stores the number itself' },
];

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'parseFloat', pattern: /\bparseFloat\s*\(/ },
  { name: 'toFixed (float formatting)', pattern: /\.toFixed\s*\(/ },
  { name: 'Number() of a money value', pattern: new RegExp(String.raw`\bNumber\s*\(\s*[\w.?!\[\]]*\b${MONEY}\w*\b`, 'i') },
  { name: 'unary + of a money value', pattern: new RegExp(String.raw`(?:^|[=(,:?]\s*)\+\s*[\w.?!]*\b${MONEY}\w*\b`, 'i') },
  { name: 'arithmetic on a money value as a number', pattern: new RegExp(String.raw`\bMath\.\w+\(\s*[\w.?!]*\b${MONEY}\w*\b`, 'i') },
];

function filesUnder(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

function offences(source: string): { line: number; rule: string; text: string }[] {
  const found: { line: number; rule: string; text: string }[] = [];
  source.split('\n').forEach((text, index) => {
    const code = text.replace(/\/\/.*$/, '');
    if (/money-guard: not money/.test(text)) return;
    for (const rule of RULES) if (rule.pattern.test(code)) found.push({ line: index + 1, rule: rule.name, text: text.trim() });
  });
  return found;
}

describe('money guard', () => {
  it('catches the patterns it is meant to catch', () => {
    expect(offences('const x = parseFloat(row.amount);').map((o) => o.rule)).toEqual(['parseFloat']);
    expect(offences('const x = Number(entry.balanceAfter) * 2;')).toHaveLength(1);
    expect(offences('paid: +row.paid,')).toHaveLength(1);
    expect(offences('const p = Math.round(overdue * 100);')).toHaveLength(1);
    expect(offences('label = value.toFixed(2)')).toHaveLength(1);
    expect(offences('id: Number(r.id), days: Number(r.days_overdue)')).toEqual([]);
    expect(offences('const n = Number(row.amount); // money-guard: not money (a count)')).toEqual([]);
  });

  it('finds no float arithmetic on money in the finance code', () => {
    const files = SCANNED.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((file) =>
      offences(fs.readFileSync(path.join(ROOT, file), 'utf8'))
        .filter((o) => !ALLOWED.some((a) => a.file === file && a.text === o.text))
        .map((o) => `${file}:${o.line} ${o.rule}: ${o.text}`),
    );
    expect(found).toEqual([]);
  });
});
