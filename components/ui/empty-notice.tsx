import Link from 'next/link';
import type { ReactNode } from 'react';

/** A list with nothing to show: why (the children), and after a search the way back to all. */
export function EmptyNotice({ testId, clear, children }: { testId: string; clear?: { href: string; label: string }; children: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-2 rounded-2xl border border-slate-200 bg-white p-6" data-testid={testId}>
      {children}
      {clear ? (
        <Link href={clear.href} className="font-medium text-brand-700 underline underline-offset-2">
          {clear.label}
        </Link>
      ) : null}
    </div>
  );
}
