import markdownIt, { type MarkdownIt } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown written by people (announcements), rendered to HTML that is safe to put in a page.
//
// Two layers, each enough on its own:
// 1. markdown-it with raw HTML off: `<script>`, `<img onerror>`, `<svg>`, `<iframe>`, `<style>` and
//    every other tag typed into the text come out as visible, escaped text. Links and pictures pass
//    our own rules (below) instead of markdown-it's defaults, which would let `data:image/...` through.
// 2. sanitize-html over the result, with an allow-list of the tags and attributes Markdown makes
//    and the same link and picture rules: should a future markdown-it option or plugin emit
//    something else, it is dropped here.
//
// The rules: a link goes to http(s), mailto:, tel: or a path of this site ("/dealer/orders");
// anything else (javascript:, vbscript:, data:, file:, "//host", a scheme hidden behind entities,
// whitespace or case) is not a link. A picture is only a file of the portal's own store,
// `/api/v1/attachments/<uuid>`, optionally only of a given set (the announcement's own files).
// The factory's preview and the dealer's page both render with renderMarkdown().

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;
export const ATTACHMENT_IMAGE = /^\/api\/v1\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Whether `url` may be a link's target: http(s), mailto:, tel:, or a path on this site. */
export function isSafeLink(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '' || url.length > 2048) return false;
  // Browsers drop some of these inside a scheme ("java\tscript:"); such a URL is not taken at all.
  if (CONTROL_OR_SPACE.test(url)) return false;
  const scheme = SCHEME.exec(url);
  if (scheme) return (LINK_SCHEMES as readonly string[]).includes(scheme[1]!.toLowerCase());
  // No scheme: only a path of this site; "//host" and "/\host" lead elsewhere.
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !/^\/%5c/i.test(url);
}

/** The attachment id when `src` is a picture of the portal's own store, else null. */
export function attachmentImageId(src: string | undefined | null): string | null {
  if (typeof src !== 'string') return null;
  const match = ATTACHMENT_IMAGE.exec(src);
  return match ? match[1]!.toLowerCase() : null;
}

export type RenderOptions = {
  /** When given, only pictures of these attachment ids are shown (the announcement's own files). */
  imageIds?: ReadonlySet<string>;
};

function imageAllowed(src: string | undefined | null, options: RenderOptions): boolean {
  const id = attachmentImageId(src);
  return id !== null && (!options.imageIds || options.imageIds.has(id));
}

function isExternal(href: string): boolean {
  return /^https?:/i.test(href);
}

function createParser(options: RenderOptions): MarkdownIt {
  const md = markdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  // Links and pictures alike pass here first; pictures are narrowed further when rendered.
  md.validateLink = (url: string) => isSafeLink(url);
  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const alt = md.utils.escapeHtml(token.children ? md.renderer.renderInlineAsText(token.children, md.options, {}) : token.content);
    // A picture from elsewhere is shown as its description, not fetched.
    if (!imageAllowed(src, options)) return alt;
    const title = token.attrGet('title');
    return `<img src="${md.utils.escapeHtml(src)}" alt="${alt}"${title ? ` title="${md.utils.escapeHtml(String(title))}"` : ''} loading="lazy">`;
  };
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet('href') ?? '');
    if (isExternal(href)) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer nofollow');
    }
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };
  return md;
}

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

function sanitizerOptions(options: RenderOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title', 'loading'],
      ol: ['start'],
      th: ['style'],
      td: ['style'],
    },
    allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        return { tagName, attribs: isSafeLink(href) ? { ...rest, href: href! } : rest };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !imageAllowed(frame.attribs.src, options),
  };
}

/** Markdown → sanitized HTML (see the rules at the top of this file). */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const html = createParser(options).render(source);
  return sanitizeHtml(html, sanitizerOptions(options)).trim();
}

/** The attachment ids the text shows as pictures (to warn about pictures of other announcements). */
export function imageIdsIn(source: string): string[] {
  const ids = new Set<string>();
  for (const match of source.matchAll(/\/api\/v1\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi)) ids.add(match[1]!.toLowerCase());
  return [...ids];
}
