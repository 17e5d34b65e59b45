import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { tempDatabasePath } from '../../db/testing';
import { createSession, SESSION_COOKIE } from '../../db/auth/sessions';

let proxy: (request: NextRequest) => Response;
let sessionId: string;

beforeAll(async () => {
  const file = tempDatabasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.prepare("INSERT INTO users (email, role, password_hash) VALUES ('v@example.gov.uk', 'viewer', 'x')").run();
  sessionId = createSession(db, 1).id;
  process.env.DATABASE_PATH = file; // the proxy reads the app's database
  ({ proxy } = await import('../../proxy'));
});

afterEach(() => {
  delete process.env.REQUIRE_SIGN_IN;
});

const request = (path: string, cookie?: string) =>
  new NextRequest(`http://127.0.0.1${path}`, { headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });
const passesThrough = (r: Response) => r.headers.get('x-middleware-next') === '1';

describe('REQUIRE_SIGN_IN', () => {
  it('leaves reading and exporting open when it is not set', () => {
    expect(passesThrough(proxy(request('/boards')))).toBe(true);
    expect(passesThrough(proxy(request('/api/export/observations')))).toBe(true);
  });

  it('sends a visitor without a session to sign in, and refuses exports with 401', async () => {
    process.env.REQUIRE_SIGN_IN = '1';
    const page = proxy(request('/boards?sort=figures'));
    expect(page.status).toBe(307);
    const location = new URL(page.headers.get('location')!);
    expect([location.pathname, location.searchParams.get('next')]).toEqual(['/sign-in', '/boards?sort=figures']);
    const api = proxy(request('/api/export/observations'));
    expect(api.status).toBe(401);
    expect(passesThrough(proxy(request('/sign-in')))).toBe(true);
    expect(proxy(request('/boards', 'forged-session-id')).status).toBe(307);
  });

  it('lets a signed-in user through', () => {
    process.env.REQUIRE_SIGN_IN = '1';
    expect(passesThrough(proxy(request('/boards', sessionId)))).toBe(true);
    expect(passesThrough(proxy(request('/api/export/observations', sessionId)))).toBe(true);
  });
});
