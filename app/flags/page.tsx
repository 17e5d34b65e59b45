import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { FLAG_LABELS, listFlags, type Flag, type FlagKind } from '@/db/queries/flags';
import { firstParam, type SearchParams } from '@/lib/filters';
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

/** How many flags of each list the page shows: a dataset with thousands of flags is read a kind at a time. */
export const FLAGS_SHOWN = 200;

const KINDS = Object.keys(FLAG_LABELS) as FlagKind[];

function FlagList({ flags, officer, empty }: { flags: Flag[]; officer: boolean; empty: string }) {
  if (!flags.length) return <p className="mt-2">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-300">{flags.slice(0, FLAGS_SHOWN).map((f) => <FlagItem key={f.key} f={f} officer={officer} />)}</ul>
      {flags.length > FLAGS_SHOWN && (
        <p className="mt-2 text-sm text-slate-700">
          The first {FLAGS_SHOWN.toLocaleString('en-GB')} of {flags.length.toLocaleString('en-GB')} are shown; choose a kind above to see others.
        </p>
      )}
    </>
  );
}

export default async function FlagsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await getCurrentUser();
  const officer = can(user?.role, 'edit_figures');
  const raw = firstParam((await searchParams).kind);
  const kind = KINDS.find((k) => k === raw) ?? null;
  const all = listFlags(getDb(), { identities: can(user?.role, 'view_audit') });
  const counts = new Map(KINDS.map((k) => [k, all.filter((f) => f.kind === k && !f.acknowledged).length]));
  const flags = kind ? all.filter((f) => f.kind === kind) : all;
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
      {raw && !kind && <p className="mt-2" role="status">“{raw.slice(0, 40)}” is not a kind of flag, so every kind is shown.</p>}
      <nav aria-label="Kinds of flag" className="mt-4 flex flex-wrap gap-2 text-sm">
        <Link href="/flags" aria-current={kind ? undefined : 'page'} className={`rounded-full border px-3 py-1 ${kind ? 'border-slate-400' : 'border-slate-900 bg-slate-900 text-white'}`}>
          Every kind
        </Link>
        {KINDS.map((k) => (
          <Link key={k} href={`/flags?kind=${k}`} aria-current={kind === k ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${kind === k ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-400'}`}>
            {FLAG_LABELS[k]} ({counts.get(k)!.toLocaleString('en-GB')})
          </Link>
        ))}
      </nav>
      <section aria-labelledby="open-flags" className="mt-6">
        <h2 id="open-flags" className="text-xl font-semibold">To look at ({open.length.toLocaleString('en-GB')})</h2>
        <FlagList flags={open} officer={officer} empty="Nothing to look at." />
      </section>
      <section aria-labelledby="seen-flags" className="mt-6">
        <h2 id="seen-flags" className="text-xl font-semibold">Acknowledged ({seen.length.toLocaleString('en-GB')})</h2>
        <FlagList flags={seen} officer={officer} empty="None yet." />
      </section>
    </>
  );
}
