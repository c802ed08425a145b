import { getEnv } from './env';

// Structured logs: one JSON object per line on stdout (errors on stderr), with the request id
// when there is one, so a line from a page, an API route and the server can be joined.

type Level = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogContext = Record<string, unknown>;

/** Long texts (a failed statement quotes its parameters: a whole batch) are cut to this. */
const MAX_TEXT = 2000;

function clip(text: string | undefined): string | undefined {
  return text && text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text;
}

function serializeError(err: unknown): unknown {
  if (err instanceof Error) {
    // What PostgreSQL says about a refused statement is the useful part; keep it when present.
    const { code, detail, constraint_name: constraint, table_name: table } = err as Error & Record<string, string | undefined>;
    return {
      name: err.name,
      message: clip(err.message),
      ...(code ? { code } : {}),
      ...(detail ? { detail: clip(detail) } : {}),
      ...(constraint ? { constraint } : {}),
      ...(table ? { table } : {}),
      stack: clip(err.stack),
      cause: err.cause ? serializeError(err.cause) : undefined,
    };
  }
  return err;
}

function write(level: Level, msg: string, context: LogContext = {}) {
  let threshold: Level = 'info';
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // An invalid environment is reported by the start-up; logging still works meanwhile.
  }
  if (rank[level] < rank[threshold]) return;
  const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg };
  for (const [key, value] of Object.entries(context)) {
    entry[key] = key === 'err' || value instanceof Error ? serializeError(value) : value;
  }
  const line = JSON.stringify(entry);
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const log = {
  debug: (msg: string, context?: LogContext) => write('debug', msg, context),
  info: (msg: string, context?: LogContext) => write('info', msg, context),
  warn: (msg: string, context?: LogContext) => write('warn', msg, context),
  error: (msg: string, context?: LogContext) => write('error', msg, context),
  /** A logger that adds the same fields (request id, user) to every line. */
  child(base: LogContext) {
    return {
      debug: (msg: string, context?: LogContext) => write('debug', msg, { ...base, ...context }),
      info: (msg: string, context?: LogContext) => write('info', msg, { ...base, ...context }),
      warn: (msg: string, context?: LogContext) => write('warn', msg, { ...base, ...context }),
      error: (msg: string, context?: LogContext) => write('error', msg, { ...base, ...context }),
    };
  },
};
