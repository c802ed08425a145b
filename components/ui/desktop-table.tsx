import type { ReactNode } from 'react';

export type TableColumn = { label: ReactNode; align?: 'right' };

/**
 * A list's table for wide screens (from `xl`; narrower ones show the list's cards instead): the
 * card around it, a caption for screen readers and the column headers. The body is the child.
 */
export function DesktopTable({
  testId,
  caption,
  columns,
  cellPadding,
  children,
}: {
  testId: string;
  caption: string;
  columns: readonly TableColumn[];
  /** The columns' side padding, the same as the body's cells. */
  cellPadding: 'px-2' | 'px-3';
  children: ReactNode;
}) {
  return (
    <div className="hidden overflow-x-auto rounded-2xl border border-slate-200 bg-white xl:block">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`${cellPadding} py-2${column.align === 'right' ? ' text-right' : ''}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
