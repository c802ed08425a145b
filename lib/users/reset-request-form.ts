'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { getDb } from '@/lib/db';
import { requestPasswordReset } from './reset-request';

// The "forgot your password" form (a plain form: it works before any script ran); the answer comes
// back as ?sent=1 or ?error=… on the same page.

export async function requestPasswordResetAction(form: FormData): Promise<void> {
  const email = form.get('email');
  const result = await requestPasswordReset(getDb(), { email: typeof email === 'string' ? email.slice(0, 1000) : '' }, clientIpFrom(await headers()));
  redirect(result.ok ? '/forgot?sent=1' : `/forgot?error=${result.error}`);
}
