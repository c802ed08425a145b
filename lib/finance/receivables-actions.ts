'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { Locale } from '@/drizzle/schema/values';
import { getActor } from '@/lib/auth/session';
import { ForbiddenError } from '@/lib/auth/scope';
import { getDb } from '@/lib/db';
import { savePayerRule } from '@/lib/finance/payer-category';
import { PAYER_RULE_FIELDS, type PayerRule } from '@/lib/finance/payer-rule';
import { previewReminders, sendReminders } from '@/lib/finance/reminders';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { log } from '@/lib/log';

// The receivables page's server actions (/factory/finance): read the input, call the domain function with the
// signed-in actor, answer what the client components render (amounts and dates already in words
// of the reader's language; the reminder's own words are in the dealer owner's language).

const PAGE = '/factory/finance';

export type ReminderPreviewView = {
  code: string;
  name: string;
  status: 'ready' | 'not_overdue' | 'no_owner';
  overdue: string;
  oldestDue: string | null;
  lastReminder: string | null;
  recent: boolean;
  ownerName: string | null;
  ownerLocale: Locale | null;
  owners: number;
  title: string | null;
  text: string | null;
};

export type PreviewState = { status: 'ok'; previews: ReminderPreviewView[] } | { status: 'error'; error: 'forbidden' | 'failed' };

function codesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 500) : [];
}

export async function previewRemindersAction(dealerCodes: string[]): Promise<PreviewState> {
  const actor = await getActor();
  try {
    const locale = (await getLocale()) as Locale;
    const previews = await previewReminders(getDb(), actor, codesOf(dealerCodes));
    return {
      status: 'ok',
      previews: previews.map((p) => ({
        code: p.code,
        name: p.name,
        status: p.status,
        overdue: formatMoney(p.overdue, p.currency, locale),
        oldestDue: p.oldestDueDate ? formatDate(p.oldestDueDate, locale) : null,
        lastReminder: p.lastReminderAt ? formatDateTime(p.lastReminderAt, locale) : null,
        recent: p.recent,
        ownerName: p.owner?.name ?? null,
        ownerLocale: p.owner?.locale ?? null,
        owners: p.owners,
        title: p.title,
        text: p.text,
      })),
    };
  } catch (err) {
    if (err instanceof ForbiddenError) return { status: 'error', error: 'forbidden' };
    log.error('payment reminder preview failed', { userId: actor?.userId, dealers: codesOf(dealerCodes).length, err });
    return { status: 'error', error: 'failed' };
  }
}

export type SendState =
  | { status: 'sent'; sent: { code: string; notified: number }[]; skipped: { code: string; reason: 'not_overdue' | 'no_owner' }[] }
  | { status: 'recent'; recent: { code: string; name: string; lastReminder: string }[] }
  | { status: 'error'; error: 'forbidden' | 'invalid' | 'failed' };

export async function sendRemindersAction(input: { dealerCodes: string[]; confirmRepeat: boolean }): Promise<SendState> {
  const actor = await getActor();
  try {
    const result = await sendReminders(getDb(), actor, { dealerCodes: codesOf(input?.dealerCodes), confirmRepeat: input?.confirmRepeat === true });
    if (!result.ok && result.error === 'recent') {
      const locale = (await getLocale()) as Locale;
      return { status: 'recent', recent: result.recent.map((r) => ({ code: r.code, name: r.name, lastReminder: formatDateTime(r.lastReminderAt, locale) })) };
    }
    if (!result.ok) return { status: 'error', error: 'invalid' };
    revalidatePath(PAGE);
    return { status: 'sent', sent: result.sent.map((s) => ({ code: s.code, notified: s.notified })), skipped: result.skipped };
  } catch (err) {
    if (err instanceof ForbiddenError) return { status: 'error', error: 'forbidden' };
    log.error('sending payment reminders failed', { userId: actor?.userId, dealers: codesOf(input?.dealerCodes).length, err });
    return { status: 'error', error: 'failed' };
  }
}

export type RuleFormState =
  | { status: 'idle' }
  | { status: 'saved'; changed: number }
  | { status: 'error'; error: 'forbidden' | 'invalid' | 'failed'; fields: Partial<Record<keyof PayerRule, string>>; values: Record<string, string> };

export async function savePayerRuleAction(_previous: RuleFormState, form: FormData): Promise<RuleFormState> {
  const values = Object.fromEntries(PAYER_RULE_FIELDS.map((key) => [key, String(form.get(key) ?? '').trim().slice(0, 10)]));
  const actor = await getActor();
  try {
    const result = await savePayerRule(getDb(), actor, values);
    if (!result.ok) return { status: 'error', error: 'invalid', fields: result.fields, values };
    revalidatePath(PAGE);
    return { status: 'saved', changed: result.changed };
  } catch (err) {
    if (err instanceof ForbiddenError) return { status: 'error', error: 'forbidden', fields: {}, values };
    log.error('saving the payer category rule failed', { userId: actor?.userId, err });
    return { status: 'error', error: 'failed', fields: {}, values };
  }
}
