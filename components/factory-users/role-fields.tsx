'use client';

import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { ROLES, type Role } from '@/drizzle/schema/values';
import { FormField } from '@/components/dealer-users/form-field';
import { DEALER_CODE_MAX_LENGTH } from '@/lib/users/schemas';
import type { DealerChoice } from '@/lib/users/queries';

const noSubscription = () => () => {};
const DEALER_ROLES: readonly string[] = ['dealer_owner', 'dealer_staff'];

/**
 * The role and, for a dealer's roles, the dealer by code (suggested from the list). Before the
 * page's script runs the dealer field is always there; after, only for a dealer's role.
 */
export function RoleFields({
  idPrefix,
  defaultRole,
  defaultDealerCode,
  dealers,
  errors,
}: {
  idPrefix: string;
  defaultRole: Role | '';
  defaultDealerCode: string;
  dealers: DealerChoice[];
  errors: { role?: string; dealerCode?: string };
}) {
  const t = useTranslations('factoryUsers');
  const tRoles = useTranslations('roles');
  const [role, setRole] = useState<string>(defaultRole);
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const showDealer = !hydrated || DEALER_ROLES.includes(role);
  const listId = `${idPrefix}-dealers`;
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${idPrefix}-role`} className="text-sm font-medium text-slate-700">
          {t('role')}
        </label>
        <select
          id={`${idPrefix}-role`}
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value)}
          required
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={errors.role ? `${idPrefix}-role-error` : undefined}
          className={`min-h-12 w-full min-w-0 rounded-lg border bg-white px-2 text-base focus:ring-2 focus:outline-none ${errors.role ? 'border-red-600' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'}`}
        >
          <option value="" disabled>
            {t('chooseRole')}
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
        {errors.role ? (
          <p id={`${idPrefix}-role-error`} className="text-sm text-red-800" data-testid="role-error">
            {errors.role}
          </p>
        ) : null}
      </div>
      {showDealer ? (
        <div className="flex flex-col">
          <FormField
            name="dealerCode"
            label={t('dealerCode')}
            list={listId}
            autoComplete="off"
            maxLength={DEALER_CODE_MAX_LENGTH}
            defaultValue={defaultDealerCode}
            hint={t('dealerCodeHint')}
            error={errors.dealerCode}
          />
          <datalist id={listId}>
            {dealers.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </datalist>
        </div>
      ) : null}
    </>
  );
}
