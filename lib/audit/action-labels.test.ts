import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en.json';

// The audit log shows an action in words when it has a label and as stored otherwise: every action
// the code writes should have one. Finds the actions as the string literals on `action:` lines and in `audit(...)` calls of
// the non-test sources (template strings are checked by hand where they are built).

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function writtenActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of [...sourceFiles(path.join(root, 'lib')), ...sourceFiles(path.join(root, 'app'))]) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction:|\baudit\(/.test(line)) continue;
      for (const match of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(match[1] as string);
    }
  }
  return actions;
}

describe('audit action labels', () => {
  it('finds the actions the code writes', () => {
    const actions = writtenActions();
    expect(actions.size).toBeGreaterThan(30);
    expect(actions).toContain('claim.moved');
    expect(actions).toContain('library_document.published');
  });

  it('has words for every action the code writes', () => {
    const labels = en.audit.actions as Record<string, Record<string, string>>;
    const missing = [...writtenActions()].filter((action) => {
      const [kind, verb] = action.split('.') as [string, string];
      return !labels[kind]?.[verb];
    });
    expect(missing).toEqual([]);
  });
});
