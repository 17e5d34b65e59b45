/** Says, in plain words, which parts of the address could not be used. */
export function FilterErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <div role="alert" className="mt-4 rounded border-l-4 border-oi-vermillion bg-orange-50 p-3 text-sm">
      <p className="font-semibold">Some of the filters in the address could not be used</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}
