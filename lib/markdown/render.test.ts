import { describe, expect, it } from 'vitest';
import { attachmentImageId, isSafeLink, renderMarkdown } from './render';

// Markdown from people is rendered without anything that runs: each payload below, typed into an
// announcement, must come out with no script, no event handler, no dangerous link or picture.

const IMAGE_ID = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';

const PAYLOADS: string[] = [
  // Raw tags.
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.test/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="x" ONERROR="alert(1)">',
  '<img src=x oNeRrOr=alert(1)>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<p style="width: expression(alert(1))">x</p>',
  '<div style="background-image:url(javascript:alert(1))">x</div>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<base href="javascript:alert(1)//">',
  // Markdown links.
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript&#x3A;alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](<java script:alert(1)>)',
  '[click](<javascript:alert(1)>)',
  '[click](%6Aavascript:alert(1))',
  '[click](  javascript:alert(1)  )',
  '[click](\u0001javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](VBScript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](file:///etc/passwd)',
  '[click](//evil.test/x)',
  '[click](/\\evil.test/x)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '[ref]\n\n[ref]: data:text/html,<script>alert(1)</script>',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '[x](https://ok.test/"onmouseover="alert(1))',
  '[x](https://ok.test/ "title\\" onmouseover=\\"alert(1)")',
  // Markdown pictures.
  '![x](javascript:alert(1))',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '![x](https://evil.test/pixel.png)',
  '![x](//evil.test/pixel.png)',
  '![x](/api/v1/attachments/../../evil)',
  '![x" onerror="alert(1)](/api/v1/attachments/3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b)',
  '![x](/api/v1/attachments/3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b "t\\" onerror=\\"alert(1)")',
  '[![x](javascript:alert(1))](javascript:alert(1))',
  '![ref]\n\n[ref]: data:image/svg+xml,<svg/onload=alert(1)>',
  // Text that only looks like code.
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '| a | b |\n| --- | --- |\n| <script>alert(1)</script> | <svg onload=alert(1)> |',
];

/** What must never be in the output: a live tag, a handler attribute, a bad URL in an attribute. */
function findDanger(html: string): string[] {
  const found: string[] = [];
  const tags = [...html.matchAll(/<\s*([a-z][a-z0-9-]*)([^>]*)>/gi)];
  const allowed = new Set(['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
  for (const [, name, attrs] of tags) {
    if (!allowed.has(name!.toLowerCase())) found.push(`tag <${name}>`);
    for (const [, attr, value] of attrs!.matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const a = attr!.toLowerCase();
      if (a.startsWith('on')) found.push(`handler ${a}`);
      if (a === 'style' && /expression|url\s*\(|javascript/i.test(value ?? '')) found.push(`style ${value}`);
      if (a === 'href' || a === 'src' || a === 'xlink:href' || a === 'action' || a === 'data' || a === 'srcdoc') {
        const v = (value ?? '').replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;?|&colon;|&tab;|&newline;/gi, (e) => decodeEntity(e));
        if (!['href', 'src'].includes(a)) found.push(`attribute ${a}`);
        if (a === 'src' && !/^\/api\/v1\/attachments\/[0-9a-f-]{36}$/.test(v)) found.push(`picture ${v}`);
        if (a === 'href' && !(/^(https?:\/\/|mailto:|tel:)/i.test(v) || (v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\')))) {
          found.push(`link ${v}`);
        }
      }
    }
  }
  return found;
}

function decodeEntity(entity: string): string {
  const lower = entity.toLowerCase();
  if (lower === '&colon;') return ':';
  if (lower === '&tab;') return '\t';
  if (lower === '&newline;') return '\n';
  const hex = lower.startsWith('&#x');
  const code = parseInt(lower.replace(/^&#x?/, '').replace(/;$/, ''), hex ? 16 : 10);
  return Number.isFinite(code) ? String.fromCodePoint(code) : '';
}

describe('renderMarkdown refuses XSS payloads', () => {
  it.each(PAYLOADS)('%s', (payload) => {
    for (const text of [payload, `Intro text\n\n${payload}\n\nMore text`, `- item ${payload}`]) {
      const html = renderMarkdown(text);
      expect(findDanger(html), html).toEqual([]);
      // The tags alone (typed tags come out as escaped, visible text, which is harmless).
      const tags = [...html.matchAll(/<[^>]*>/g)].join('');
      expect(tags).not.toMatch(/<script/i);
      expect(tags).not.toMatch(/<svg|<iframe|<object|<embed|<style|<math|<form|<input|<meta|<base|<body|<details/i);
      // Attribute names only: a quoted value may hold escaped text such as `&quot; onerror=`.
      expect(tags.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tags).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data|file):/i);
    }
  });

  it('the checker itself sees danger (so the test above can fail)', () => {
    expect(findDanger('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    expect(findDanger('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(findDanger('<svg></svg>')).not.toEqual([]);
    expect(findDanger('<a href="&#106;avascript:alert(1)">x</a>')).not.toEqual([]);
    expect(findDanger('<p style="width: expression(alert(1))">x</p>')).not.toEqual([]);
  });
});

describe('renderMarkdown keeps what announcements need', () => {
  it('renders formatting, lists, tables, quotes and code', () => {
    const html = renderMarkdown('# Title\n\n**bold** _it_ ~~gone~~\n\n- a\n- b\n\n1. one\n\n> quote\n\n`x < y`\n\n| A | B |\n| :-- | --: |\n| 1 | 2 |');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<s>gone</s>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>x &lt; y</code>');
    expect(html).toContain('<td style="text-align:right">2</td>');
  });

  it('keeps http(s), mailto, tel and same-site links; external ones open apart', () => {
    const html = renderMarkdown('[site](https://example.com/a?b=1) [mail](mailto:office@example.com) [call](tel:+380441234567) [orders](/dealer/orders)');
    expect(html).toContain('<a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/a?b=1">site</a>');
    expect(html).toContain('<a href="mailto:office@example.com">mail</a>');
    expect(html).toContain('<a href="tel:+380441234567">call</a>');
    expect(html).toContain('<a href="/dealer/orders">orders</a>');
  });

  it('shows pictures only from the portal’s store, and only the given ones when a set is named', () => {
    const md = `![Profile](/api/v1/attachments/${IMAGE_ID})`;
    expect(renderMarkdown(md)).toContain(`<img src="/api/v1/attachments/${IMAGE_ID}" alt="Profile" loading="lazy" />`);
    expect(renderMarkdown(md, { imageIds: new Set([IMAGE_ID]) })).toContain('<img');
    const other = renderMarkdown(md, { imageIds: new Set(['00000000-0000-4000-8000-000000000000']) });
    expect(other).not.toContain('<img');
    expect(other).toContain('Profile');
    expect(renderMarkdown('![Logo](https://example.com/logo.png)')).toBe('<p>Logo</p>');
  });

  it('escapes raw HTML as text', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
  });

  it('answers the link and picture rules on their own', () => {
    expect(isSafeLink('https://x.test')).toBe(true);
    expect(isSafeLink('/dealer')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('//x.test')).toBe(false);
    expect(isSafeLink('java\tscript:alert(1)')).toBe(false);
    expect(isSafeLink('#top')).toBe(false);
    expect(attachmentImageId(`/api/v1/attachments/${IMAGE_ID.toUpperCase()}`)).toBe(IMAGE_ID);
    expect(attachmentImageId('/api/v1/attachments/x')).toBeNull();
  });
});
