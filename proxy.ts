// Every page and API request but uploads and Next's own files passes through here:
//  - each gets a fresh Content-Security-Policy nonce (lib/content-security-policy.ts), set on
//    the request, where Next.js reads it for the scripts it writes, and on the response;
//  - with REQUIRE_SIGN_IN=1 every page and export needs a signed-in user: pages redirect to the
//    sign-in page, API routes answer 401. Without it, reading and exporting are open (the
//    figures come from published board papers). Writes check roles themselves, always.
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from './db/client';
import { getSessionUser, SESSION_COOKIE } from './db/auth/sessions';
import { contentSecurityPolicy, createNonce } from './lib/content-security-policy';
import { env } from './lib/env';

function signInGate(request: NextRequest): NextResponse | null {
  if (env().REQUIRE_SIGN_IN !== '1') return null;
  const { pathname, search } = request.nextUrl;
  if (pathname === '/sign-in') return null;
  if (getSessionUser(getDb(), request.cookies.get(SESSION_COOKIE)?.value)) return null;
  if (pathname.startsWith('/api/'))
    return new NextResponse('Sign in to use this dashboard.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const signIn = new URL('/sign-in', request.url);
  signIn.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(createNonce());
  const response =
    signInGate(request) ??
    (() => {
      const headers = new Headers(request.headers);
      headers.set('Content-Security-Policy', policy);
      return NextResponse.next({ request: { headers } });
    })();
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Everything but Next's own assets and the upload routes. Next buffers (and beyond 10 MB
  // silently cuts) the body of every request the proxy sees; uploads must reach their route whole,
  // and those routes refuse anyone who is not a signed-in officer themselves.
  matcher: ['/((?!_next/|favicon.ico|api/import/).*)'],
};
