import Link from 'next/link';
import { getCurrentUser } from '@/app/_server/current-user';
import { can } from '@/lib/auth/roles';
import { signOutAction } from '../sign-out/actions';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/boards', label: 'Boards' },
  { href: '/programmes', label: 'Programmes' },
  { href: '/metrics', label: 'Metrics' },
  { href: '/compare', label: 'Compare' },
  { href: '/observations', label: 'Figures' },
  { href: '/sources', label: 'Sources' },
  { href: '/meetings', label: 'Meetings' },
  { href: '/targets', label: 'Targets' },
  { href: '/quarters', label: 'Quarters' },
] as const;

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="no-print border-b-4 border-oi-blue bg-slate-900 text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-black">
        Skip to main content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-white no-underline">
          Sector-support impact
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-white underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto text-sm">
          {user ? (
            <form action={signOutAction} className="flex flex-wrap items-center gap-3">
              {can(user.role, 'edit_figures') && (
                <>
                  <Link href="/observations/new" className="text-white underline underline-offset-4">
                    Add a figure
                  </Link>
                  <Link href="/import" className="text-white underline underline-offset-4">
                    Import
                  </Link>
                  <Link href="/flags" className="text-white underline underline-offset-4">
                    Flags
                  </Link>
                  <Link href="/annotations" className="text-white underline underline-offset-4">
                    Notes
                  </Link>
                  <Link href="/audit" className="text-white underline underline-offset-4">
                    Audit trail
                  </Link>
                  <Link href="/observations/deleted" className="text-white underline underline-offset-4">
                    Deleted
                  </Link>
                </>
              )}
              {can(user.role, 'manage_users') && (
                <Link href="/manage/users" className="text-white underline underline-offset-4">
                  Users
                </Link>
              )}
              <Link href="/account" className="text-white underline-offset-4 hover:underline">
                {user.name ?? user.email} <span className="text-slate-300">({user.role})</span>
              </Link>
              <button type="submit" className="underline underline-offset-4">
                Sign out
              </button>
            </form>
          ) : (
            <Link href="/sign-in" className="text-white underline underline-offset-4">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
