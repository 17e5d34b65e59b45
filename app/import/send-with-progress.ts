// Sends a file with XMLHttpRequest (fetch cannot report upload progress) and reads the server's
// progress lines as they arrive.

export interface UploadProgress {
  phase: 'uploading' | 'checking';
  fraction: number;
  rows: number;
}

type Line<T> = { type: 'progress'; rows?: number } | { type: 'result'; result: T } | { type: 'error'; error: string };

export function sendWithProgress<T>(
  url: string,
  body: Blob | string,
  headers: Record<string, string>,
  onProgress: (p: UploadProgress) => void,
): Promise<{ result: T } | { error: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let answer: { result: T } | { error: string } | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < read) return;
      for (const raw of text.slice(read, end).split('\n')) {
        if (!raw.trim()) continue;
        let line: Line<T>;
        try {
          line = JSON.parse(raw) as Line<T>;
        } catch {
          continue;
        }
        if (line.type === 'progress') onProgress({ phase: 'checking', fraction: 1, rows: line.rows ?? 0 });
        else if (line.type === 'result') answer = { result: line.result };
        else answer = { error: line.error };
      }
      read = end + 1;
    };
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'uploading', fraction: e.loaded / e.total, rows: 0 });
    };
    xhr.upload.onload = () => onProgress({ phase: 'checking', fraction: 1, rows: 0 });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let message = `The server refused the file (${xhr.status}).`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
        } catch {
          /* not JSON: keep the status message */
        }
        return resolve({ error: message });
      }
      readLines();
      resolve(answer ?? { error: 'The server stopped before answering; nothing was imported. Try again.' });
    };
    xhr.onerror = () => resolve({ error: 'The connection was lost; nothing was imported. Try again.' });
    xhr.send(body);
  });
}
