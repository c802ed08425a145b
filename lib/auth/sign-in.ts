import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, signInAttempts, users } from '@/drizzle/schema';
import type { Role } from '@/drizzle/schema/values';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { log } from '@/lib/log';
import { verifyPassword } from './password';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignedInUser = { id: string; role: Role; dealerId: number | null; sessionVersion: number; name: string; email: string };

/** Why a sign-in was refused; the sign-in page turns each code into words. */
export type SignInRefusal = 'invalid_credentials' | 'rate_limited' | 'inactive';

export class SignInError extends Error {
  constructor(readonly code: SignInRefusal) {
    super(code);
    this.name = 'SignInError';
  }
}

/**
 * Checks e-mail and password. Failures are counted per account and per address within a window;
 * past the limit every attempt is refused, right or wrong, until the window has passed.
 */
export async function signInWithPassword(db: Db, input: unknown, ip: string): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError('invalid_credentials');
  const { email, password } = parsed.data;
  const env = getEnv();
  const since = new Date(Date.now() - env.SIGN_IN_WINDOW_MINUTES * 60_000);

  const [failures] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${signInAttempts.email} = ${email})`.mapWith(Number),
      byAddress: sql<number>`count(*) filter (where ${signInAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.at, since),
        sql`(${signInAttempts.email} = ${email} or ${signInAttempts.ip} = ${ip})`,
      ),
    );
  if (
    (failures?.byAccount ?? 0) >= env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT ||
    (failures?.byAddress ?? 0) >= env.SIGN_IN_MAX_FAILURES_PER_ADDRESS
  ) {
    log.warn('sign-in refused: too many failures', { email, ip, ...failures });
    throw new SignInError('rate_limited');
  }

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const succeeded = passwordOk && user !== undefined && user.active;
  await db.insert(signInAttempts).values({ email, ip, succeeded });

  if (!user || !passwordOk) {
    log.info('sign-in failed', { email, ip });
    throw new SignInError('invalid_credentials');
  }
  if (!user.active) {
    log.info('sign-in refused: user deactivated', { email, ip, userId: user.id });
    throw new SignInError('inactive');
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await tx.insert(auditLog).values({
      actorKind: 'user',
      actorId: user.id,
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      dealerId: user.dealerId,
      data: { ip },
    });
  });
  return {
    id: user.id,
    role: user.role,
    dealerId: user.dealerId,
    sessionVersion: user.sessionVersion,
    name: user.name,
    email: user.email,
  };
}
