import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Settings that live on their own pages: said in a line each, linked. */
export async function SettingsLinks() {
  const t = await getTranslations('settings.elsewhere');
  const links = [
    { href: '/factory/finance', title: t('payerTitle'), text: t('payerText'), id: 'payer' },
    { href: '/factory/sync', title: t('syncTitle'), text: t('syncText'), id: 'sync' },
  ];
  return (
    <section aria-labelledby="settings-elsewhere" className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 md:p-5" data-testid="settings-elsewhere">
      <h2 id="settings-elsewhere" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <ul className="flex flex-col gap-2">
        {links.map((link) => (
          <li key={link.id}>
            <Link href={link.href} className="flex min-h-11 flex-col justify-center rounded-lg border border-slate-200 px-3 py-2 hover:border-brand-600" data-testid={`settings-link-${link.id}`}>
              <span className="font-medium text-brand-700">{link.title}</span>
              <span className="text-sm text-slate-600">{link.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
