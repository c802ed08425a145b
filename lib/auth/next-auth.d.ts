import type { Role } from '@/drizzle/schema/values';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
    dealerId?: number;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; dealerId: number | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    dealerId: number | null;
    sessionVersion: number;
    /** One sign-in (one browser): its sockets are dropped when it signs out. */
    sid?: string;
  }
}
