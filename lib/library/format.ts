import type { Locale } from '@/drizzle/schema/values';
import { intlLocale } from '@/lib/i18n/config';
import { documentTypeName } from '@/lib/files/verify';

// How a document's file is described in the lists: its type as people know it and its size.

/** "820 KB", "1.4 MB" in the reader's language (1 KB = 1024 bytes, as file managers count). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [unit, value] = bytes >= 1024 * 1024 ? (['megabyte', bytes / (1024 * 1024)] as const) : (['kilobyte', Math.max(bytes / 1024, 0.1)] as const);
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** PDF, XLSX, DOCX, JPEG or PNG. */
export function fileTypeLabel(mimeType: string): string {
  return documentTypeName(mimeType);
}
