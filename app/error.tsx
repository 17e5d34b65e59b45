'use client';

// Shown when a page fails to load its figures. The message is plain; details go to the server log.
import { Alert } from './_components/alert';
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert tone="error" roomy>
      <h1 className="text-xl font-bold">Sorry, this page could not be shown</h1>
      <p className="mt-2">
        Something went wrong while reading the figures. Nothing has been changed. Try again, and if it keeps happening,
        tell the dashboard team{error.digest ? ` and quote reference ${error.digest}` : ''}.
      </p>
      <button type="button" onClick={reset} className="mt-3 rounded bg-slate-900 px-4 py-2 text-white">
        Try again
      </button>
    </Alert>
  );
}
