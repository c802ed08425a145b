'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import type { ApiFailure } from './api';

/**
 * Why a write did not go through, in words; for a claim someone else changed meanwhile (409) or
 * that is gone, a button that shows the claim as it is now.
 */
export function FailureNotice({ failure }: { failure: Pick<ApiFailure, 'kind'> }) {
  const t = useTranslations('claimDesk.errors');
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const stale = failure.kind === 'conflict' || failure.kind === 'not_found';
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="claim-failure" data-kind={failure.kind}>
      <p>{t(failure.kind)}</p>
      {stale ? (
        <button
          type="button"
          onClick={() => startRefresh(() => router.refresh())}
          disabled={refreshing}
          className="min-h-11 self-start rounded-lg border border-red-300 bg-white px-3 font-medium text-red-900 hover:bg-red-100 disabled:opacity-60"
        >
          {refreshing ? t('refreshing') : t('refresh')}
        </button>
      ) : null}
      {failure.kind === 'unauthorized' ? (
        <Link href="/login" className="self-start font-medium underline underline-offset-2">
          {t('signIn')}
        </Link>
      ) : null}
    </div>
  );
}
