'use client';

import { useId, useState } from 'react';
import { flushSync } from 'react-dom';

export interface Option {
  value: string;
  label: string;
}

/**
 * A labelled select of a GET filter form that sends the form as soon as it changes. Its "no
 * filter" choice ("All boards") sends nothing, so the address holds only the filters chosen.
 */
export function FilterSelect({
  name,
  label,
  options,
  value,
  all,
  onChange,
}: {
  name: string;
  label: string;
  options: Option[];
  value: string | undefined;
  /** The text of the "no filter" choice, when there is one. */
  all?: string;
  onChange: () => void;
}) {
  const [chosen, setChosen] = useState(value ?? '');
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col text-sm">
      {/* A label of its own (not wrapped round the select), so the select's name is the label alone. */}
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <select
        id={id}
        // A select without a name is not sent with its form.
        name={chosen === '' ? undefined : name}
        value={chosen}
        onChange={(e) => {
          const next = e.target.value;
          // The name must be gone from the page before the form is read, so "All …" leaves the address.
          flushSync(() => setChosen(next));
          onChange();
        }}
        className="mt-1 w-full max-w-[18rem] rounded border border-slate-600 bg-white px-2 py-1"
      >
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
