import fs from 'node:fs';
import path from 'node:path';

// Which message namespaces the browser needs, area by area: the top-level namespaces of every
// useTranslations('…') in the client components a route file reaches through its imports. Used by
// the test that keeps lib/i18n/client-messages.ts complete (a page whose client component lacks
// its messages would show keys), and to print the lists when they change. Node only.

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const NAMESPACE = /useTranslations\(\s*(?:[^)'"`]*\?\s*)?['"`]([A-Za-z]+)/g;
const EXTENSIONS = ['.tsx', '.ts', '/index.tsx', '/index.ts'];

function resolve(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** Namespaces used by client code reachable from these entry files. */
export function clientNamespaces(root: string, entries: readonly string[]): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    // A file reached first from server code may be reached again from a client one.
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const text = fs.readFileSync(file, 'utf8');
    const inClient = client || /^\s*['"]use client['"]/.test(text);
    if (inClient) for (const m of text.matchAll(NAMESPACE)) found.add(m[1]!);
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (/^\s*import\s+type\s/.test(m[0].trim())) continue;
      const target = resolve(root, file, spec);
      if (target && /\.tsx?$/.test(target)) visit(target, inClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return found;
}

/** Route files (pages, layouts, error and not-found pages) under a folder of app/. */
export function routeFiles(root: string, folder: string, recursive = true): string[] {
  const dir = path.join(root, 'app', folder);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (recursive) walk(full);
      } else if (/^(page|layout|error|not-found|template|loading|global-error)\.tsx$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}
