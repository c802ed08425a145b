'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { retryMail } from './actions';

// The mail page's "Send again" (a plain form: it works before the page's script has loaded). The
// answer comes back as ?retry=… on the page the button was on.

const MAIL_PAGE = '/factory/mail';

/** Back to the page of the button, never elsewhere. */
function backTo(value: FormDataEntryValue | null): string {
  return typeof value === 'string' && /^\/factory\/mail(\/\d{1,18})?(\?[A-Za-z0-9=&_-]{0,200})?$/.test(value) ? value : MAIL_PAGE;
}

export async function retryMailAction(form: FormData): Promise<void> {
  const result = await retryMail(getDb(), await getActor(), { mailId: form.get('mailId') });
  revalidatePath(MAIL_PAGE, 'layout');
  const back = new URL(backTo(form.get('back')), 'http://portal.invalid');
  back.searchParams.delete('retry');
  back.searchParams.set('retry', result.ok ? 'ok' : result.error);
  redirect(`${back.pathname}${back.search}`);
}
