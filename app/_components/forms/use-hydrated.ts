'use client';
// Whether the page's JavaScript has taken over. The dashboard's forms send with fetch from
// onSubmit; before hydration a click would submit the form the browser's way instead (a GET to
// the same page, nothing saved, nothing said). Their submit buttons stay disabled until then,
// each by this hook (e2e/forms.spec.ts reads that from the server's HTML); their fields are
// disabled with them by ReadyFieldset (ready-fieldset.tsx), so nothing typed before is lost.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False in the server's HTML and during hydration; true once React runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
