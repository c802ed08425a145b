import type { Locale } from '@/drizzle/schema/values';
import { formatDateTime } from '@/lib/i18n/format';
import type { MailContent } from '../queue';
import { renderDocument, type MailDocument, type RenderedMail } from './layout';
import { mailWords, type MailTranslate } from './words';

// The mail of each kind in a language: subject, plain text and HTML. Links are paths in the
// content and absolute here (the portal's public address in front). Dates in the factory's time
// zone (Europe/Kyiv).

function absolute(publicUrl: string, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${publicUrl.replace(/\/$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

function base(t: MailTranslate) {
  const appName = t('common.appName');
  return { appName, footer: t('mail.layout.footer', { appName, factoryName: t('common.factoryName') }) };
}

function documentOf(content: MailContent, locale: Locale, publicUrl: string): MailDocument {
  const t = mailWords(locale);
  const { appName, footer } = base(t);
  const fallback = t('mail.layout.linkFallback');
  switch (content.kind) {
    case 'invitation': {
      const { name, path, expiresAt, dealerName } = content.data;
      return {
        subject: t('mail.invitation.subject', { appName }),
        appName,
        heading: t('mail.invitation.greeting', { name }),
        paragraphs: [dealerName ? t('mail.invitation.byDealer', { appName, dealer: dealerName }) : t('mail.invitation.plain', { appName })],
        action: { label: t('mail.invitation.action'), url: absolute(publicUrl, path), fallback },
        notes: [t('mail.invitation.validUntil', { date: formatDateTime(expiresAt, locale) }), t('mail.invitation.ignore')],
        footer,
      };
    }
    case 'password_reset': {
      const { name, path, expiresAt } = content.data;
      return {
        subject: t('mail.passwordReset.subject', { appName }),
        appName,
        heading: t('mail.passwordReset.greeting', { name }),
        paragraphs: [t('mail.passwordReset.intro')],
        action: { label: t('mail.passwordReset.action'), url: absolute(publicUrl, path), fallback },
        notes: [t('mail.passwordReset.validUntil', { date: formatDateTime(expiresAt, locale) }), t('mail.passwordReset.ignore')],
        footer,
      };
    }
    case 'notification': {
      const { title, body, path } = content.data;
      const critical = content.importance === 'critical';
      return {
        subject: critical ? `${t('mail.notification.importantPrefix')} ${title}` : title,
        appName,
        banner: critical ? t('mail.notification.banner') : undefined,
        heading: title,
        paragraphs: body ? [body] : [],
        action: path ? { label: t('mail.notification.open'), url: absolute(publicUrl, path), fallback } : undefined,
        notes: [t('mail.notification.why')],
        footer,
      };
    }
    case 'digest': {
      const { period, items, total } = content.data;
      const sorted = [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      const count = total ?? sorted.length;
      const critical = sorted.filter((i) => i.importance === 'critical').length;
      return {
        subject: t(period === 'daily' ? 'mail.digest.subjectDaily' : 'mail.digest.subjectWeekly', { count }),
        appName,
        heading: t(period === 'daily' ? 'mail.digest.headingDaily' : 'mail.digest.headingWeekly'),
        paragraphs: [t('mail.digest.intro', { count }), ...(critical > 0 ? [t('mail.digest.criticalCount', { count: critical })] : [])],
        items: {
          list: sorted.map((i) => ({
            title: i.title,
            body: i.body,
            url: i.path ? absolute(publicUrl, i.path) : null,
            critical: i.importance === 'critical',
            time: formatDateTime(i.createdAt, locale),
          })),
          criticalLabel: t('mail.digest.critical'),
          openLabel: t('mail.digest.open'),
        },
        notes: [t('mail.digest.why')],
        footer,
      };
    }
  }
}

export function renderMail(content: MailContent, locale: Locale, publicUrl: string): RenderedMail {
  return renderDocument(documentOf(content, locale, publicUrl), locale);
}
