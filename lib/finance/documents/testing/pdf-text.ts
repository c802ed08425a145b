// For tests: the text of a PDF, page by page, read back with Mozilla's PDF.js (pdfjs-dist, a dev
// dependency) through each font's ToUnicode map, as a viewer's copy and search would see it.
// Whitespace is normalised (no-break and narrow spaces become plain spaces) so figures formatted
// by Intl compare as a reader sees them.

export function normaliseSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
}

export type PdfText = { pages: string[]; text: string; info: Record<string, unknown> };

export async function pdfText(data: Uint8Array): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(normaliseSpaces(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join('')));
    }
    const { info } = await doc.getMetadata();
    return { pages, text: pages.join('\n'), info: (info ?? {}) as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}
