import '@fontsource-variable/inter';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { pickMessages, PUBLIC_NAMESPACES } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { default: t('appName'), template: `%s · ${t('appName')}` },
    description: t('appDescription'),
    // Installed on an iPhone: its own window, the icon and name on the home screen (the manifest is app/manifest.ts).
    appleWebApp: { capable: true, title: t('appName'), statusBarStyle: 'default' },
    icons: {
      icon: [
        { url: '/icons/icon.svg', type: 'image/svg+xml' },
        { url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      ],
      apple: [{ url: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }],
    },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0e4c92',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        {/* The areas' layouts give their own client components their messages. */}
        <NextIntlClientProvider messages={pickMessages(messages, PUBLIC_NAMESPACES)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
