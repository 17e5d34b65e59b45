'use client';

export interface Option {
  value: string;
  label: string;
}

/** A labelled select of a GET filter form that sends the form as soon as it changes. */
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
  return (
    <label className="flex flex-col text-sm">
      <span className="font-semibold">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ''}
        onChange={onChange}
        className="mt-1 max-w-[18rem] rounded border border-slate-600 bg-white px-2 py-1"
      >
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
