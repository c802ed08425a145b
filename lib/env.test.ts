import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('environment', () => {
  it('has a default for everything on the embedded database', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, embedded: true, seedDemo: true, publicUrl: 'http://localhost:3000' });
  });

  it('derives the public address from PORT', () => {
    expect(parseEnv({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(parseEnv({ PORT: '4100', NEXTAUTH_URL: 'https://portal.example.test/' }).publicUrl).toBe('https://portal.example.test');
  });

  it('seeds a PostgreSQL server only when asked', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db' }).seedDemo).toBe(false);
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db', SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('names every bad variable', () => {
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NEXTAUTH_SECRET: 'short', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'NEXTAUTH_SECRET', 'LOG_LEVEL']) expect(message).toContain(name);
    }
  });
});
