import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db';
import { log } from '@/lib/log';
import { disconnectSessionSockets, disconnectUserSockets } from '@/lib/realtime/registry';
import { clientIpFrom } from './client-ip';
import { getAuthSecret } from './secret';
import { SignInError, signInWithPassword } from './sign-in';

const THIRTY_DAYS = 30 * 24 * 60 * 60;

// next-auth v4: credentials (fields `email`, `password`, per the contract) and a JWT session that
// carries the user id, role, dealer and session version. Every request re-checks the user in the
// database (lib/auth/session.ts), so a deactivated user is out at once.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: THIRTY_DAYS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mail and password',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          try {
            const user = await signInWithPassword(getDb(), credentials, clientIpFrom(req.headers ?? {}));
            return { ...user, dealerId: user.dealerId ?? undefined };
          } catch (err) {
            if (err instanceof SignInError) throw new Error(err.code);
            log.error('sign-in failed unexpectedly', { err });
            throw new Error('unavailable');
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.dealerId = user.dealerId ?? null;
          token.sessionVersion = user.sessionVersion;
          token.sid = randomUUID();
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? '',
          name: token.name ?? '',
          email: token.email ?? '',
          role: token.role,
          dealerId: token.dealerId ?? null,
        };
        return session;
      },
    },
    events: {
      // The signed-out browser's sockets close on every process; the user's other devices stay.
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await disconnectSessionSockets(token.sid);
        else if (token?.sub) await disconnectUserSockets(token.sub);
      },
    },
    logger: {
      error: (code, metadata) => log.error('next-auth error', { code, metadata }),
      warn: (code) => log.warn('next-auth warning', { code }),
      debug: () => {},
    },
  };
}
