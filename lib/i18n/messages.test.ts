import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import ru from './messages/ru.json';
import uk from './messages/uk.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('messages', () => {
  const reference = keysOf(en).sort();
  it.each([
    ['uk', uk],
    ['ru', ru],
  ])('%s has exactly the keys English has', (_, messages) => {
    expect(keysOf(messages).sort()).toEqual(reference);
  });

  it('has no empty strings', () => {
    for (const messages of [en, uk, ru]) {
      const flat = JSON.stringify(messages);
      expect(flat).not.toMatch(/:""/);
    }
  });
});
