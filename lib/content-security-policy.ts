// The Content-Security-Policy. Pages get a fresh nonce per request from the proxy (proxy.ts):
// Next.js reads it from the request's policy and puts it on every script it writes, so no
// inline script runs without it ('strict-dynamic' lets those scripts load the app's chunks).
// Styles keep 'unsafe-inline': React and the charts set style attributes, which a nonce cannot
// cover. Nothing is loaded from any other origin, and no page may be framed.
import { env } from './env';

/** A fresh nonce: 16 random bytes, base64. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy for one response. With a nonce, scripts need it; without one (responses the proxy
 * does not see: uploads' answers and Next's own files, none of them HTML) scripts come from this
 * origin only. The dev server also needs eval for its fast refresh.
 */
export function contentSecurityPolicy(nonce: string | null, dev = env().NODE_ENV !== 'production'): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
