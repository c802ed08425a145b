import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Every variable the portal understands is listed here with its
// default; a bad value stops the process with a message that names the variable.

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes'].includes(v)));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `expected a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: positiveInt(3000).refine((n) => n <= 65535, 'expected a port number 1-65535'),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), 'expected a postgres:// or postgresql:// URL'),
  DATABASE_POOL_MAX: positiveInt(10),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: flag,
  NEXTAUTH_URL: z.url({ message: 'expected an absolute URL such as http://localhost:3000' }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  REDIS_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^rediss?:\/\//.test(v), 'expected a redis:// or rediss:// URL'),
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: positiveInt(30),
  SIGN_IN_WINDOW_MINUTES: positiveInt(15),
  /** Tests only: the PostgreSQL server the integration tests also run against. */
  TEST_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  /** Tests only: which driver this test project uses. */
  TEST_DB_DRIVER: z.enum(['pglite', 'postgres']).default('pglite'),
  SYNC_MAX_IN_FLIGHT: positiveInt(4),
  SYNC_ALERT_REJECTIONS: positiveInt(20),
  SYNC_SILENCE_MINUTES: positiveInt(60),
  SYNC_TOKEN_PRODUCTION: z.string().min(16, 'expected at least 16 characters').optional(),
  SYNC_TOKEN_ACCOUNTING: z.string().min(16, 'expected at least 16 characters').optional(),
  /** Web Push (VAPID) keys, base64url, from `node scripts/vapid-keys.mjs`; without them a pair is generated and kept in the database. */
  VAPID_PUBLIC_KEY: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^[A-Za-z0-9_-]{80,100}$/.test(v), 'expected a base64url public key (scripts/vapid-keys.mjs)'),
  VAPID_PRIVATE_KEY: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^[A-Za-z0-9_-]{40,50}$/.test(v), 'expected a base64url private key (scripts/vapid-keys.mjs)'),
  /** Who the push services may contact about this sender: a mailto: or https: address. */
  VAPID_SUBJECT: z
    .string()
    .default('mailto:portal@localhost')
    .refine((v) => /^(mailto:|https:\/\/)/.test(v), 'expected a mailto: or https:// address'),
  /** The SMTP server, e.g. smtp://user:password@mail.example.com:587 or smtps://…:465; without it mails go to the dev mailbox. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^smtps?:\/\//.test(v), 'expected an smtp:// or smtps:// URL'),
  /** The sender of the portal's e-mail. */
  MAIL_FROM: z.string().min(3).default('Dealer portal <portal@localhost>'),
}).superRefine((v, ctx) => {
  // Half a key pair would sign with one key and advertise another: both or neither.
  if ((v.VAPID_PUBLIC_KEY === undefined) !== (v.VAPID_PRIVATE_KEY === undefined)) {
    const missing = v.VAPID_PUBLIC_KEY === undefined ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY together (scripts/vapid-keys.mjs), or neither' });
  }
});

export type Env = z.infer<typeof schema> & {
  /** Embedded PGlite when no DATABASE_URL is given. */
  embedded: boolean;
  /** Demo data on an empty database: always on the embedded default, else SEED_DEMO=1. */
  seedDemo: boolean;
  /** The public address of the portal; sign-in redirects use it. */
  publicUrl: string;
  dataDir: string;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const v = result.data;
  const embedded = v.DATABASE_URL === undefined;
  return {
    ...v,
    embedded,
    seedDemo: v.SEED_DEMO ?? embedded,
    publicUrl: (v.NEXTAUTH_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(v.DATA_DIR),
  };
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
