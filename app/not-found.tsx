import Link from 'next/link';

export default function NotFound() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2">
        There is no page at this address. <Link href="/" className="underline">Go to the overview</Link>.
      </p>
    </div>
  );
}
