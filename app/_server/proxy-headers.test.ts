import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, requestHost, viaHttps } from './proxy-headers';

const forged = new Headers({ host: 'dashboard.example', 'x-forwarded-for': '6.6.6.6, 10.0.0.5', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' });

describe('forwarded headers', () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it('are ignored without a trusted proxy: a client may send any it likes', () => {
    expect(clientAddress(forged)).toBeNull();
    expect(viaHttps(forged)).toBe(false);
    expect(requestHost(forged)).toBe('dashboard.example');
  });

  it('behind a trusted proxy, the client is the address the proxy added (the last), not one the client wrote', () => {
    process.env.TRUST_PROXY = '1';
    expect(clientAddress(forged)).toBe('10.0.0.5');
    expect(clientAddress(new Headers({ host: 'h' }))).toBeNull();
    expect(viaHttps(forged)).toBe(true);
    expect(requestHost(forged)).toBe('evil.example');
  });
});
