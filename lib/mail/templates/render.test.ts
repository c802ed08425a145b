import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/drizzle/schema/values';
import type { MailContent } from '../queue';
import { renderMail } from './render';

// The words of every kind of mail in every language: nothing left as a message key, values
// escaped in the HTML, links absolute, digests newest first with the important ones marked.

const URL = 'https://portal.example.test';
const EXPIRES = new Date('2026-12-03T10:00:00Z');

const CONTENTS: MailContent[] = [
  { kind: 'invitation', data: { name: 'Олена', path: '/invite/tok', expiresAt: EXPIRES, dealerName: 'Вікна & Двері' } },
  { kind: 'invitation', data: { name: 'Олена', path: '/reset/tok', expiresAt: EXPIRES } },
  { kind: 'password_reset', data: { name: 'Олена', path: '/reset/tok', expiresAt: EXPIRES } },
  { kind: 'notification', notificationId: 1, importance: 'normal', data: { type: 'order.status', title: 'Order 1', body: null, path: '/dealer/orders/1' } },
  { kind: 'notification', notificationId: 2, importance: 'critical', data: { type: 'payment.overdue', title: 'Overdue', body: 'Pay', path: null } },
  {
    kind: 'digest',
    data: {
      period: 'weekly',
      items: [
        { title: 'Older', body: null, path: '/dealer/finance', importance: 'critical', createdAt: new Date('2026-11-20T08:00:00Z') },
        { title: 'Newer', body: 'Body', path: null, importance: 'normal', createdAt: new Date('2026-11-21T08:00:00Z') },
      ],
    },
  },
];

describe('mail templates', () => {
  for (const locale of LOCALES) {
    it(`renders every kind in ${locale} without message keys`, () => {
      for (const content of CONTENTS) {
        const mail = renderMail(content, locale, URL);
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part).not.toMatch(/\bmail\.[a-z]+\.[a-zA-Z]+/);
          expect(part).not.toContain('common.');
        }
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.html).not.toMatch(/<script|<table/i);
      }
    });
  }

  it('escapes values in the HTML and makes links absolute', () => {
    const mail = renderMail({ kind: 'invitation', data: { name: '<b>Eve</b>', path: '/invite/t"ok', expiresAt: EXPIRES, dealerName: 'A & B' } }, 'en', URL);
    expect(mail.html).toContain('Hello, &lt;b&gt;Eve&lt;/b&gt;!');
    expect(mail.html).toContain('A &amp; B');
    expect(mail.html).toContain(`href="${URL}/invite/t&quot;ok"`);
    expect(mail.text).toContain(`${URL}/invite/t"ok`);
    // Dates in Kyiv time: 10:00 UTC is 12:00 in Kyiv in December.
    expect(mail.text).toContain('3 Dec 2026, 12:00');
  });

  it('marks a critical notification in the subject and with a red banner', () => {
    const normal = renderMail(CONTENTS[3]!, 'uk', URL);
    const critical = renderMail(CONTENTS[4]!, 'uk', URL);
    expect(normal.subject).toBe('Order 1');
    expect(normal.html).not.toContain('#b91c1c');
    expect(critical.subject).toBe('Важливо: Overdue');
    expect(critical.html).toContain('background:#b91c1c');
    expect(critical.text).toContain('*** ВАЖЛИВО ***');
  });

  it('lists a digest newest first and marks the important items', () => {
    const mail = renderMail(CONTENTS[5]!, 'en', URL);
    expect(mail.subject).toBe('Your notifications of the week (2)');
    expect(mail.text.indexOf('Newer')).toBeLessThan(mail.text.indexOf('Older'));
    expect(mail.text).toContain('- [Important] Older');
    expect(mail.text).toContain(`Open: ${URL}/dealer/finance`);
    expect(mail.html).toContain(`href="${URL}/dealer/finance"`);
    expect(renderMail({ kind: 'digest', data: { period: 'daily', items: CONTENTS[5]!.kind === 'digest' ? CONTENTS[5]!.data.items : [] } }, 'ru', URL).subject).toBe(
      'Ваши уведомления за день (2)',
    );
  });
});
