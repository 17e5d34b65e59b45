// Reading an upload's body as a stream with a size limit, and answering with progress lines
// (NDJSON) so the page can show how far a long import has got.

export class UploadTooLargeError extends Error {
  readonly status = 413;
  constructor(limit: number) {
    super(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB; split it into smaller files.`);
  }
}

/** The request body in chunks; throws once more than `limit` bytes have arrived. */
export async function* limitedBody(request: Request, limit: number): AsyncIterable<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new UploadTooLargeError(limit);
  if (!request.body) return;
  const reader = request.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      if (received > limit) throw new UploadTooLargeError(limit);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
  // A body cut short on the way must never be read as a complete (smaller) file.
  if (Number.isFinite(declared) && received !== declared) throw new Error(`The upload was cut short (${received} of ${declared} bytes); nothing was imported.`);
}

/**
 * A form upload read with a byte cap whatever length it declares (or none): an UploadTooLargeError
 * once more than `limit` bytes have arrived, before the rest is read; null for a body that is not
 * a form.
 */
export async function limitedFormData(request: Request, limit: number): Promise<FormData | null> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedBody(request, limit)) chunks.push(chunk);
  return new Response(Buffer.concat(chunks), { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData().catch(() => null);
}

/** A streamed answer of JSON lines: `progress` lines, then one `result` or `error` line. */
export function progressResponse<T>(work: (progress: (p: object) => void) => Promise<T>, describeError: (e: unknown) => string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        send({ type: 'result', result: await work((p) => send({ type: 'progress', ...p })) });
      } catch (error) {
        send({ type: 'error', error: describeError(error) });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}
