// @ts-check

// Security headers on every response. The Content-Security-Policy is set by the proxy
// (proxy.ts), with a fresh script nonce for each page; the responses the proxy does not see
// (uploads' answers and Next's own files, none of them HTML) get the same policy without a
// nonce here, which allows scripts from this origin only. Keep the two in step:
// lib/content-security-policy.ts builds the proxy's, and e2e/security.spec.ts checks both.
const isDev = process.env.NODE_ENV !== 'production';
const STATIC_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: '/:path*', headers: COMMON_HEADERS },
      // The paths proxy.ts leaves out (its matcher): they get the policy from here.
      ...['/_next/:path*', '/favicon.ico', '/api/import/:path*'].map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CONTENT_SECURITY_POLICY }],
      })),
    ];
  },
};

module.exports = nextConfig;
