import Link from 'next/link';

/**
 * A one-time link that cannot be used (unknown, used or expired): which, what it means, who can
 * make a new one, and the way to sign in. The words come from the link's own screen.
 */
export function LinkUnavailableNotice({
  testId,
  reason,
  title,
  body,
  whoCanHelp,
  signInLabel,
}: {
  testId: string;
  reason: 'expired' | 'used' | 'unknown';
  title: string;
  body: string;
  whoCanHelp: string;
  signInLabel: string;
}) {
  return (
    <div className="flex flex-col gap-3" data-testid={testId} data-reason={reason}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-slate-700">{body}</p>
      <p className="text-sm font-medium text-slate-900">{whoCanHelp}</p>
      <Link
        href="/login"
        className="inline-flex min-h-12 items-center justify-center rounded-lg border border-slate-300 px-4 text-base font-medium text-slate-800 hover:bg-slate-100"
      >
        {signInLabel}
      </Link>
    </div>
  );
}
