import { useTranslations } from 'next-intl';
import type { UserState } from '@/lib/users/schemas';

const STYLE: Record<UserState, string> = {
  active: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  inactive: 'border-slate-300 bg-slate-100 text-slate-700',
  pending: 'border-dashed border-amber-400 bg-amber-50 text-amber-900',
};

/** Whether the account may sign in: active, switched off, or waiting for its first password. */
export function UserStateChip({ state }: { state: UserState }) {
  const t = useTranslations('factoryUsers.state');
  return (
    <span data-testid="user-state" data-state={state} className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[state]}`}>
      {t(state)}
    </span>
  );
}
