import Link from 'next/link';

const PAGER = 'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100';

/** Previous, "page N of M" and next under a paged list; nothing when it has one page. */
export function PageNav({
  page,
  pages,
  hrefOf,
  labels,
  nextTestId = 'next-page',
}: {
  page: number;
  pages: number;
  hrefOf: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
  nextTestId?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} prefetch={false} className={PAGER}>
          {labels.previous}
        </Link>
      ) : null}
      <span className="text-sm text-slate-600">{labels.pageOf}</span>
      {page < pages ? (
        <Link href={hrefOf(page + 1)} prefetch={false} className={PAGER} data-testid={nextTestId}>
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
