import { describe, expect, it } from 'vitest';
import { limitedBody, limitedFormData, UploadTooLargeError } from './upload';

/** A request whose body arrives in these chunks, counting how many were pulled. */
function streamed(chunks: number[], declared?: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(new Uint8Array(chunks[pulled++]!));
    },
  }, { highWaterMark: 0 }); // pull only when read, so the count says what the reader asked for
  const headers = declared === undefined ? undefined : { 'content-length': String(declared) };
  const request = new Request('http://127.0.0.1/api/import/csv', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

async function read(request: Request, limit: number) {
  let bytes = 0;
  for await (const chunk of limitedBody(request, limit)) bytes += chunk.length;
  return bytes;
}

describe('upload size limit', () => {
  it('reads a body within the limit whole', async () => {
    const { request } = streamed([400, 400, 200], 1000);
    expect(await read(request, 1000)).toBe(1000);
  });

  it('refuses a declared size over the limit before reading anything', async () => {
    const { request, pulled } = streamed([10], 5000);
    await expect(read(request, 1000)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(pulled()).toBe(0);
  });

  it('stops reading as soon as an undeclared body passes the limit', async () => {
    const { request, pulled } = streamed([600, 600, 600, 600, 600]);
    await expect(read(request, 1000)).rejects.toThrow(/larger than/);
    expect(pulled()).toBeLessThanOrEqual(3);
  });

  it('never takes a body cut short on the way for a smaller complete file', async () => {
    const { request } = streamed([300, 300], 1000);
    await expect(read(request, 5000)).rejects.toThrow(/cut short \(600 of 1000 bytes\)/);
  });
});

describe('a report form with no declared length', () => {
  it('is cut off at the cap: 400 MB that never says its size is refused after reading just over the limit', async () => {
    const mb = 1024 * 1024;
    const { request, pulled } = streamed(Array.from({ length: 400 }, () => mb));
    const refused = await limitedFormData(request, 21 * mb).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadTooLargeError);
    // It stopped at the 22nd megabyte: the other 378 were never read.
    expect(pulled()).toBe(22);
  });
});
