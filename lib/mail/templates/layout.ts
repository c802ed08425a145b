// One layout for every mail, written twice from the same parts: a plain-text part and a simple
// HTML part (inline styles, no tables, no images, no scripts) that reads well in mail clients.
// Every value is escaped in the HTML part.

export type MailItem = { title: string; body: string | null; url: string | null; critical: boolean; time: string };

export type MailDocument = {
  subject: string;
  /** The portal's name, shown above everything. */
  appName: string;
  /** A red banner above the heading (critical notifications). */
  banner?: string;
  heading: string;
  paragraphs: string[];
  /** The one thing to do, as a button with its address written out below. */
  action?: { label: string; url: string; fallback?: string };
  /** Lines after the button. */
  notes?: string[];
  items?: { list: MailItem[]; criticalLabel: string; openLabel: string };
  footer: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const P = 'margin:0 0 16px;font-size:16px;line-height:1.5';

function htmlOf(doc: MailDocument, lang: string): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<div style="font-size:14px;color:#52525b;margin:0 0 16px">${e(doc.appName)}</div>`);
  if (doc.banner) {
    parts.push(
      `<div style="background:#b91c1c;color:#ffffff;font-weight:bold;font-size:16px;padding:12px 16px;border-radius:6px;margin:0 0 16px">${e(doc.banner)}</div>`,
    );
  }
  parts.push(`<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px;color:#18181b">${e(doc.heading)}</h1>`);
  for (const p of doc.paragraphs) parts.push(`<p style="${P}">${e(p)}</p>`);
  if (doc.items) {
    for (const item of doc.items.list) {
      const border = item.critical ? '#b91c1c' : '#d4d4d8';
      const mark = item.critical
        ? `<span style="display:inline-block;background:#b91c1c;color:#ffffff;font-size:12px;font-weight:bold;padding:2px 6px;border-radius:4px;margin:0 6px 0 0">${e(doc.items.criticalLabel)}</span>`
        : '';
      const title = item.url
        ? `<a href="${e(item.url)}" style="color:#1d4ed8">${e(item.title)}</a>`
        : e(item.title);
      parts.push(
        `<div style="border-left:4px solid ${border};padding:4px 0 4px 12px;margin:0 0 16px">` +
          `<div style="font-size:13px;color:#52525b;margin:0 0 4px">${e(item.time)}</div>` +
          `<div style="font-size:16px;font-weight:600;line-height:1.4">${mark}${title}</div>` +
          (item.body ? `<div style="font-size:15px;line-height:1.5;margin:4px 0 0">${e(item.body)}</div>` : '') +
          `</div>`,
      );
    }
  }
  if (doc.action) {
    const url = e(doc.action.url);
    parts.push(
      `<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:#1d4ed8;color:#ffffff;font-weight:600;font-size:16px;text-decoration:none;padding:12px 20px;border-radius:6px">${e(doc.action.label)}</a></p>`,
    );
    if (doc.action.fallback) {
      parts.push(
        `<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#52525b">${e(doc.action.fallback)}<br><a href="${url}" style="color:#1d4ed8;word-break:break-all">${url}</a></p>`,
      );
    }
  }
  for (const n of doc.notes ?? []) parts.push(`<p style="${P}">${e(n)}</p>`);
  parts.push(
    `<p style="margin:32px 0 0;padding:16px 0 0;border-top:1px solid #e4e4e7;font-size:13px;line-height:1.5;color:#71717a">${e(doc.footer)}</p>`,
  );
  return (
    `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(doc.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f4f5">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px 16px;background:#ffffff;color:#18181b;${FONT}">` +
    parts.join('') +
    `</div></body></html>`
  );
}

function textOf(doc: MailDocument): string {
  const blocks: string[] = [doc.appName];
  if (doc.banner) blocks.push(`*** ${doc.banner.toUpperCase()} ***`);
  blocks.push(doc.heading);
  blocks.push(...doc.paragraphs);
  if (doc.items) {
    for (const item of doc.items.list) {
      const lines = [`${item.critical ? `[${doc.items.criticalLabel}] ` : ''}${item.title}`, item.time];
      if (item.body) lines.push(item.body);
      if (item.url) lines.push(`${doc.items.openLabel}: ${item.url}`);
      blocks.push(lines.map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n'));
    }
  }
  if (doc.action) blocks.push(`${doc.action.label}:\n${doc.action.url}`);
  blocks.push(...(doc.notes ?? []));
  blocks.push(`--\n${doc.footer}`);
  return blocks.join('\n\n') + '\n';
}

export function renderDocument(doc: MailDocument, lang: string): RenderedMail {
  return { subject: doc.subject, text: textOf(doc), html: htmlOf(doc, lang) };
}
