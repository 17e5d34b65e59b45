import { Alert } from './alert';

/** Says, in plain words, which parts of the address could not be used. */
export function FilterErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <Alert tone="error" title="Some of the filters in the address could not be used" className="mt-4 text-sm">
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </Alert>
  );
}
