import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './queries';

describe('plainExcerpt', () => {
  it('drops the Markdown of a table, its alignment row included', () => {
    const body = 'Prices change:\n\n| Group | Change |\n| :--- | ---: |\n| Profiles | +4,5 % |\n\nThanks.';
    expect(plainExcerpt(body)).toBe('Prices change: Group Change Profiles +4,5 % Thanks.');
  });

  it('drops rules, headings, emphasis and list marks but keeps the words', () => {
    expect(plainExcerpt('# Title\n\n**Bold** and _it_\n\n---\n\n- one\n- two')).toBe('Title Bold and it one two');
  });
});
