'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/users/form-actions';
import { DEALER_CODE_MAX_LENGTH, EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PHONE_MAX_LENGTH } from '@/lib/users/schemas';

const MAX: Record<string, number> = { name: NAME_MAX_LENGTH, email: EMAIL_MAX_LENGTH, phone: PHONE_MAX_LENGTH, dealerCode: DEALER_CODE_MAX_LENGTH, password: PASSWORD_MAX_LENGTH };

/**
 * A form's answer in words: each field's problem next to it, and one line for the screen reader
 * (or, when no field is at fault, for everyone).
 */
export function useFieldErrors(state: FormState, names: readonly string[]) {
  const t = useTranslations('factoryUsers');
  const fields = state.status === 'error' ? state.fields : {};
  const errors: Record<string, string | undefined> = {};
  for (const name of names) {
    const code = fields[name];
    errors[name] = code ? t(`fieldErrors.${code}`, { max: MAX[name] ?? 0, min: PASSWORD_MIN_LENGTH }) : undefined;
  }
  const listed = Object.values(errors).filter(Boolean);
  const summary =
    state.status === 'error'
      ? listed.length > 0
        ? { onlyFields: true, text: listed.join(' ') }
        : { onlyFields: false, text: t(`errors.${state.error}`) }
      : null;
  return { errors, summary };
}

/** The form's key part for the latest answer (see FormState). */
export function attemptOf(state: FormState): string {
  return 'attempt' in state ? state.attempt : '';
}
