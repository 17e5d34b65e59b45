// A boxed message with a coloured rule on its left: an error, a warning, a notice or a success.
import type { HTMLAttributes, ReactNode, Ref } from 'react';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

const TONE_CLASSES: Record<AlertTone, string> = {
  error: 'border-oi-vermillion bg-orange-50',
  warning: 'border-oi-orange bg-orange-50',
  info: 'border-oi-blue bg-sky-50',
  success: 'border-oi-green bg-emerald-50',
};

/** An error interrupts (role="alert"); anything else is announced when the reader is free (role="status"). */
const TONE_ROLES: Record<AlertTone, 'alert' | 'status'> = { error: 'alert', warning: 'status', info: 'status', success: 'status' };

/**
 * `role` overrides the tone's role: "note" for advice that is not news, or null for a box that is
 * part of the page as it loads (nothing to announce). `roomy` is for a box that opens with a heading.
 * Other attributes (id, tabIndex, data-testid) and ref go to the box.
 */
export function Alert({
  tone,
  title,
  role,
  roomy,
  className,
  children,
  ref,
  ...rest
}: {
  tone: AlertTone;
  /** A first line in bold, above the children. */
  title?: ReactNode;
  role?: 'alert' | 'status' | 'note' | null;
  roomy?: boolean;
  /** More classes for the box: its margin, text size. */
  className?: string;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
} & Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'title' | 'className' | 'children'>) {
  return (
    <div
      ref={ref}
      role={role === null ? undefined : (role ?? TONE_ROLES[tone])}
      className={['rounded border-l-4', TONE_CLASSES[tone], roomy ? 'p-4' : 'p-3', className].filter(Boolean).join(' ')}
      {...rest}
    >
      {title !== undefined && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  );
}
