import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, userRef } from './log';

/** A logger writing into an array, at info level whatever the test run's LOG_LEVEL. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(stream);
  logger.level = 'info';
  return { logger, lines };
}

describe('server log', () => {
  it('writes one JSON line with the event, the user, a level name and an ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ event: 'observation.create', user: userRef({ id: 7, email: 'o@x.gov.uk', role: 'officer' }), observationId: 12 }, 'observation.create');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'observation.create', user: { id: 7, email: 'o@x.gov.uk', role: 'officer' }, observationId: 12 });
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  });

  it('blanks passwords, cookies and session ids, at the top level and inside an object', () => {
    const { logger, lines } = capture();
    logger.warn({ event: 'x', password: 'hunter2', sessionId: 's3cr3t', cookie: 'lga_session=abc', user: { email: 'a@b', password: 'pw', session: 'sid', token: 't' } }, 'x');
    const text = JSON.stringify(lines);
    for (const secret of ['hunter2', 's3cr3t', 'lga_session=abc', '"pw"', '"sid"', '"t"']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: '[redacted]', user: { email: 'a@b', password: '[redacted]' } });
  });

  it('names a user by id, email and role only, and anonymous as null', () => {
    const full = { id: 1, email: 'a@b', role: 'viewer' as const, name: 'A', passwordHash: 'scrypt$…' };
    expect(userRef(full)).toEqual({ id: 1, email: 'a@b', role: 'viewer' });
    expect(userRef(null)).toBeNull();
  });
});
