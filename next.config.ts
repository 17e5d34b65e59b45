import type { NextConfig } from 'next';
import { contentSecurityPolicy } from './lib/content-security-policy';

// Security headers on every response. The Content-Security-Policy is set by the proxy
// (proxy.ts), with a fresh script nonce for each page; the responses the proxy does not see
// (uploads' answers and Next's own files, none of them HTML) get the same policy without a
// nonce here, which allows scripts from this origin only. lib/content-security-policy.ts builds
// both; e2e/security.spec.ts checks both.
const COMMON_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  // HTTPS only, for a year, once a browser has reached the app over HTTPS (ignored over plain HTTP).
  { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
];

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // pdfjs-dist too: it starts its worker by importing pdf.worker.mjs beside itself, which a
  // bundle does not have (every PDF upload failed under `npm start`; e2e/report-upload.spec.ts).
  // libpq (PostgreSQL, docs/decisions/0016) is a native addon like better-sqlite3.
  serverExternalPackages: ['better-sqlite3', 'pdfjs-dist', 'libpq'],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      { source: '/:path*', headers: COMMON_HEADERS },
      // The paths proxy.ts leaves out (its matcher): they get the policy from here.
      ...['/_next/:path*', '/favicon.ico', '/api/import/:path*'].map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(null) }],
      })),
    ];
  },
};

export default nextConfig;
