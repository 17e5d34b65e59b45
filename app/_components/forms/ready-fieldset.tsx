'use client';
// A form's controls, disabled until the page's JavaScript has taken over. The dashboard's forms
// keep what is typed in React state, which starts from the server's HTML: a field filled in before
// hydration is emptied when React takes the page over (seen as an e2e test on a busy machine
// filling "What it counts" and then being told to say what the metric counts). Disabled until
// then, nothing typed is lost, and a click cannot submit the browser's way (see use-hydrated.ts).
import type { ReactNode } from 'react';
import { useHydrated } from './use-hydrated';

export function ReadyFieldset({ children, spacing = '' }: { children: ReactNode; spacing?: string }) {
  const hydrated = useHydrated();
  // (display: contents: the fieldset adds no box, so a grid or flex form lays out its controls as
  // before; a form that spaces its children, "space-y-4", passes that spacing on, since such
  // classes select the form's own children.)
  return (
    <fieldset disabled={!hydrated} className={`contents ${spacing}`.trim()}>
      {children}
    </fieldset>
  );
}
