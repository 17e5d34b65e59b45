// What the request's forwarded headers may be believed for. A client can send any
// X-Forwarded-* header it likes, so they are read only when TRUST_PROXY=1 says the app stands
// behind a proxy of our own that sets them (README, "Behind a TLS proxy").
import { env } from '../../lib/env';

const trusted = () => env().TRUST_PROXY === '1';

/**
 * The client's address as our proxy saw it: the last X-Forwarded-For entry, the one the proxy
 * added. Null without a trusted proxy (`next start` does not tell the app the socket's address).
 */
export function clientAddress(headers: Headers): string | null {
  if (!trusted()) return null;
  const hops = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  return hops.at(-1)?.slice(0, 100) ?? null;
}

/** Whether the client reached us over HTTPS (through our proxy). */
export function viaHttps(headers: Headers): boolean {
  return trusted() && headers.get('x-forwarded-proto') === 'https';
}

/** The host the client asked for: our proxy's X-Forwarded-Host, or the Host header. */
export function requestHost(headers: Headers): string | null {
  return (trusted() && headers.get('x-forwarded-host')) || headers.get('host');
}
