import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import { AREA_NAMESPACES, PUBLIC_NAMESPACES } from './client-messages';
import { clientNamespaces, routeFiles } from './client-namespaces';

const root = path.resolve(import.meta.dirname, '../..');
const missing = (used: Set<string>, sent: readonly string[]) => [...used].filter((ns) => !sent.includes(ns)).sort();

describe('messages sent to the browser', () => {
  it('cover every namespace the public pages’ client components use', () => {
    const used = clientNamespaces(root, [...routeFiles(root, '', false), ...routeFiles(root, '(public)')]);
    expect(used.size).toBeGreaterThan(0);
    expect(missing(used, PUBLIC_NAMESPACES)).toEqual([]);
  });

  for (const [area, sent] of Object.entries(AREA_NAMESPACES)) {
    it(`cover every namespace the ${area} area’s client components use`, () => {
      const used = clientNamespaces(root, routeFiles(root, `(${area})`));
      expect(used.has('nav')).toBe(true);
      expect(missing(used, sent)).toEqual([]);
    });
  }

  it('name only namespaces that exist', () => {
    for (const ns of [...PUBLIC_NAMESPACES, ...Object.values(AREA_NAMESPACES).flat()]) expect(en).toHaveProperty([ns]);
  });

  it('find what a client component uses, also through a hook in a plain module and a dynamic namespace', () => {
    const used = clientNamespaces(root, routeFiles(root, '(dealer)'));
    // components/files/photo-picker.tsx's hook, and claim-thread's `claimsDealer.${move}`.
    expect(used.has('files')).toBe(true);
    expect(used.has('claimsDealer')).toBe(true);
  });
});
