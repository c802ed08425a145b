import { NextResponse, type NextRequest } from 'next/server';
import { readSessionToken } from '@/lib/auth/session-token';
import { areaOfPath, canEnterArea, homeAreaOf } from '@/lib/auth/permissions';
import { getEnv } from '@/lib/env';
import { pageContentSecurityPolicy } from '@/lib/http/security-headers';

// The network boundary of the pages: a Content-Security-Policy with a fresh nonce on every page,
// and the first, cheap routing by role (a stranger to sign in, another role to its own area).
// It is not the security boundary: layouts, route handlers and every query check again.

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const area = areaOfPath(pathname);
  if (area) {
    const token = await readSessionToken(Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])));
    if (!token) {
      const url = new URL('/login', request.url);
      url.searchParams.set('callbackUrl', pathname + search);
      return NextResponse.redirect(url);
    }
    if (!canEnterArea(token.role, area)) {
      return NextResponse.redirect(new URL(`/${homeAreaOf(token.role)}`, request.url));
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = pageContentSecurityPolicy(nonce, getEnv().NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set('x-portal-pathname', pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico|icons|sw.js|manifest.webmanifest|socket.io).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
