import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { FLAG_LABELS, listFlags, type Flag } from '@/db/queries/flags';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { AcknowledgeFlag } from './acknowledge-flag';

export const metadata: Metadata = { title: 'Data-quality flags' };

function FlagItem({ f, officer }: { f: Flag; officer: boolean }) {
  return (
    <li className="py-3" data-testid="flag">
      <p>
        <strong>{FLAG_LABELS[f.kind]}.</strong> {f.text}{' '}
        {f.figures.map((id, i) => (
          <Link key={id} href={`/observations/${id}`} className="underline">
            {i ? `figure ${id}` : `Figure ${id}`}
          </Link>
        )).reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, ', ', el] : [el]), [])}
      </p>
      {f.acknowledged ? (
        <p className="text-sm text-slate-700">
          Acknowledged {f.acknowledged.at.slice(0, 10)}{f.acknowledged.who ? ` by ${f.acknowledged.who}` : ''}: “{f.acknowledged.reason}”
        </p>
      ) : (
        officer && <AcknowledgeFlag flagKey={f.key} label={`the flag “${FLAG_LABELS[f.kind]}” on figure ${f.figures[0]}`} />
      )}
    </li>
  );
}

export default async function FlagsPage() {
  await connection();
  const user = await getCurrentUser();
  const officer = can(user?.role, 'edit_figures');
  const flags = listFlags(getDb(), { identities: can(user?.role, 'view_audit') });
  const open = flags.filter((f) => !f.acknowledged);
  const seen = flags.filter((f) => f.acknowledged);
  return (
    <>
      <h1 className="text-3xl font-bold">Data-quality flags</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Checks run on the live figures, so every correction and import is checked as it lands: a running total that falls, a figure ten times (or a
        tenth of) the rest of its series, one sentence giving the same number for two periods, two quarters or more without a figure, and changes to a
        final quarter. A flag is a question, not an error: an officer who has looked can acknowledge it with a reason.
      </p>
      <section aria-labelledby="open-flags" className="mt-6">
        <h2 id="open-flags" className="text-xl font-semibold">To look at ({open.length})</h2>
        {open.length ? <ul className="divide-y divide-slate-300">{open.map((f) => <FlagItem key={f.key} f={f} officer={officer} />)}</ul> : <p className="mt-2">Nothing to look at.</p>}
      </section>
      <section aria-labelledby="seen-flags" className="mt-6">
        <h2 id="seen-flags" className="text-xl font-semibold">Acknowledged ({seen.length})</h2>
        {seen.length ? <ul className="divide-y divide-slate-300">{seen.map((f) => <FlagItem key={f.key} f={f} officer={officer} />)}</ul> : <p className="mt-2">None yet.</p>}
      </section>
    </>
  );
}
