// Seeds the demo data into an empty database:
//   npx tsx scripts/seed.ts [--dealers N] [--orders N] [--today YYYY-MM-DD] [--seed N]
// The database comes from the environment as for the app: the embedded PGlite in
// $DATA_DIR/pglite (./data by default), or DATABASE_URL. A database that already has data is left
// alone. Large runs (e.g. --dealers 3000 --orders 1000000) are for benchmarks.
import { closeDatabase, getDatabase } from '@/lib/db';
import { SEED_DEFAULTS, isDatabaseEmpty, resolveSeedOptions, seedDemoData, type SeedOptions } from '@/lib/demo/seed';

const USAGE = 'Usage: npx tsx scripts/seed.ts [--dealers N] [--orders N] [--today YYYY-MM-DD] [--seed N]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): SeedOptions {
  const options: SeedOptions = {};
  const whole = (flag: string, value: string | undefined): number => {
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // Both "--orders 500" and "--orders=500".
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--dealers':
        options.dealers = whole(flag, value());
        break;
      case '--orders':
        options.orders = whole(flag, value());
        break;
      case '--seed':
        options.seed = whole(flag, value());
        break;
      case '--today': {
        const v = value();
        if (v === undefined || v.startsWith('--')) throw new UsageError('--today needs a date as YYYY-MM-DD');
        options.today = v;
        break;
      }
      case '--help':
      case '-h':
        console.log(`${USAGE}\nDefaults: ${SEED_DEFAULTS.dealers} dealers, ${SEED_DEFAULTS.orders} orders, today, seed ${SEED_DEFAULTS.seed}.`);
        process.exit(0);
      default:
        throw new UsageError(`Unknown argument "${arg}"`);
    }
  }
  // The library validates too; checking here first answers bad input before opening a database.
  try {
    resolveSeedOptions(options);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return options;
}

async function main(): Promise<number> {
  let options: SeedOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }

  const started = performance.now();
  const database = getDatabase();
  try {
    await database.migrate();
    const migrated = performance.now();
    console.log(`Database (${database.kind}) migrated in ${((migrated - started) / 1000).toFixed(1)} s`);
    if (!(await isDatabaseEmpty(database.db))) {
      console.log('The database already has data: nothing was seeded.');
      return 0;
    }
    const summary = await seedDemoData(database.db, { ...options, onProgress: (m) => console.log(`  ${m}`) });
    const seconds = (performance.now() - migrated) / 1000;
    console.log(`Demo data seeded in ${seconds.toFixed(1)} s:`);
    for (const [name, count] of Object.entries(summary)) console.log(`  ${name.padEnd(14)} ${count.toLocaleString('en-US')}`);
    console.log('Sign in as dealer@demo.test, dealer2@demo.test, claims@demo.test, factory@demo.test or admin@demo.test (password demo12345).');
    return 0;
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
