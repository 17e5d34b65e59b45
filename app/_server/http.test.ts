import { describe, expect, it } from 'vitest';
import { errorResponse } from './http';

describe('a write that found its figures locked', () => {
  it('is answered 503 with a plain "try again", on either engine, not a 500', async () => {
    const request = new Request('http://127.0.0.1/api/observations/1', { method: 'PUT' });
    for (const code of ['SQLITE_BUSY', '55P03', '40P01']) {
      const response = errorResponse(Object.assign(new Error('locked'), { code }), request);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/nothing was saved\. Try again/);
    }
    expect(errorResponse(new Error('something else'), request).status).toBe(500);
  });
});
