// No secrets or default passwords in the repository (issue 11): no key or token in any tracked
// file, no password hash but the sign-in's dummy, and a new database has no user at all, so no
// account exists until an administrator creates one with a password of their own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from './testing';

const tracked = (() => {
  try {
    return execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    return null;
  }
})();
if (!tracked) console.warn('Skipping the tracked-files secret scan: this is not a git checkout (git ls-files failed).');

const SECRET_PATTERNS: [string, RegExp][] = [
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['an AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['a GitHub token', /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
  ['a Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['a password hash', /scrypt\$\d+\$\d+\$\d+\$/],
];
// The one hash in the code: sign-in compares unknown emails against it, so that they take as long
// as known ones. It is the hash of a random password nobody holds.
const ALLOWED_HASH_FILES = new Set(['db/auth/sign-in.ts']);

describe('no secrets or default passwords in the repository', () => {
  it.skipIf(!tracked)('no tracked file holds a key, a token or a password hash, and no .env or key file is tracked', () => {
    const found: string[] = [];
    for (const file of tracked!) {
      if (/(^|\/)\.env($|\.)|\.(pem|key|p12|pfx)$|(^|\/)id_(rsa|ed25519)$/.test(file)) found.push(`${file}: a secrets file`);
      if (!fs.existsSync(file) || fs.statSync(file).size > 5_000_000) continue;
      const text = fs.readFileSync(file, 'latin1');
      for (const [what, pattern] of SECRET_PATTERNS)
        if (pattern.test(text) && !(what === 'a password hash' && ALLOWED_HASH_FILES.has(file))) found.push(`${file}: ${what}`);
    }
    expect(tracked!.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('a new, seeded database has no user: there is no default account or password', () => {
    const db = createSeededTestDatabase();
    expect((db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(0);
    expect((db.$client.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n).toBeGreaterThan(100);
  });
});
