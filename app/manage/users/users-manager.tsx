'use client';
// The users table and the invitation form. A one-time link (an invitation or a reset) is shown
// once, with its expiry, for the administrator to hand over; it is not shown again.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UserRow } from '@/db/auth/accounts';
import { Alert } from '@/app/_components/alert';
import { sendForAnswer } from '@/app/_components/forms/send-form';
import { DataTable, type DataTableColumn } from '@/app/_components/tables/data-table';
import { ROLES, type Role } from '@/lib/vocabulary';

const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', officer: 'Officer', admin: 'Administrator' };
type Link = { who: string; url: string; expiresAt: string; kind: 'invitation' | 'reset link' };

export function UsersManager({ users, me }: { users: UserRow[]; me: number }) {
  const router = useRouter();
  const [link, setLink] = useState<Link | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [invite, setInvite] = useState({ email: '', name: '', role: 'viewer' as Role });
  const [inviteErrors, setInviteErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const act = async (label: string, method: string, url: string, body: unknown, onLink?: (a: Record<string, unknown>) => Link) => {
    setBusy(true);
    setMessage(null);
    setLink(null);
    try {
      const result = await sendForAnswer(method, url, body);
      if (!result.ok) return setMessage({ tone: 'error', text: result.message });
      if (onLink) setLink(onLink(result.answer));
      setMessage({ tone: 'success', text: label });
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const inviteAndShow = async () => {
    setInviteErrors({});
    setBusy(true);
    setLink(null);
    setMessage(null);
    try {
      const result = await sendForAnswer('POST', '/api/users', invite);
      if (!result.ok) return setInviteErrors({ form: result.message });
      setLink({ who: invite.email, url: `${window.location.origin}${result.answer.link}`, expiresAt: String(result.answer.expiresAt), kind: 'invitation' });
      setMessage({ tone: 'success', text: `Invited ${invite.email}.` });
      setInvite({ email: '', name: '', role: 'viewer' });
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const columns: DataTableColumn<UserRow>[] = [
    { header: 'User', rowHeader: true, cell: (u) => <>{u.email}{u.name ? <span className="block text-sm text-slate-600">{u.name}</span> : null}</> },
    {
      header: 'Role',
      cell: (u) => (
        <label className="text-sm">
          <span className="sr-only">Role of {u.email}</span>
          <select
            value={u.role}
            disabled={busy}
            onChange={(e) => void act(`${u.email} is now ${ROLE_LABELS[e.target.value as Role].toLowerCase()}.`, 'PATCH', `/api/users/${u.id}`, { role: e.target.value })}
            className="rounded border border-slate-600 bg-white px-1 py-0.5"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </label>
      ),
    },
    { header: 'Status', cell: (u) => (u.disabledAt ? `Disabled ${u.disabledAt.slice(0, 10)}` : u.pending === 'invite' ? 'Invited, no password yet' : u.pending === 'reset' ? 'Reset, no password yet' : 'Active') },
    {
      header: 'Actions',
      cell: (u) => (
        <span className="flex flex-wrap gap-2 text-sm">
          <button type="button" disabled={busy} className="underline disabled:opacity-60" aria-label={`${u.disabledAt ? 'Enable' : 'Disable'} ${u.email}`}
            onClick={() => void act(`${u.email} is ${u.disabledAt ? 'enabled' : 'disabled; their sessions have ended'}.`, 'PATCH', `/api/users/${u.id}`, { disabled: !u.disabledAt })}>
            {u.disabledAt ? 'Enable' : 'Disable'}
          </button>
          {!u.disabledAt && (
            <button type="button" disabled={busy} className="underline disabled:opacity-60" aria-label={`Reset the password of ${u.email}`}
              onClick={() => void act(`${u.email}'s password no longer works; hand them the link below.`, 'PATCH', `/api/users/${u.id}`, { reset: true }, (a) => ({ who: u.email, url: `${window.location.origin}${a.link}`, expiresAt: String(a.expiresAt), kind: 'reset link' }))}>
              Reset password
            </button>
          )}
          {u.id === me && <span className="text-slate-600">(you)</span>}
        </span>
      ),
    },
  ];

  return (
    <div className="mt-6 space-y-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {link && (
        <Alert tone="info" title={`One-time ${link.kind} for ${link.who}`} data-testid="one-time-link">
          <p>Hand this link to them; it works once, until {link.expiresAt.slice(0, 16).replace('T', ' ')} UTC, and will not be shown again.</p>
          <p className="mt-1 break-all font-mono text-sm"><output aria-label="One-time link">{link.url}</output></p>
        </Alert>
      )}
      <DataTable caption={`${users.length} ${users.length === 1 ? 'user' : 'users'}`} columns={columns} rows={users} rowKey={(u) => String(u.id)} />
      <section aria-labelledby="invite-heading" className="max-w-xl rounded border border-slate-300 p-4">
        <h2 id="invite-heading" className="text-xl font-semibold">Invite a user</h2>
        <form className="mt-3 space-y-3" noValidate onSubmit={(e) => { e.preventDefault(); void inviteAndShow(); }}>
          {inviteErrors.form && <Alert tone="error" className="text-sm">{inviteErrors.form}</Alert>}
          <div>
            <label htmlFor="invite-email" className="block font-semibold">Email address</label>
            <input id="invite-email" type="email" value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.target.value })} className="mt-1 w-full rounded border border-slate-600 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="invite-name" className="block font-semibold">Name <span className="font-normal">(optional)</span></label>
            <input id="invite-name" value={invite.name} onChange={(e) => setInvite({ ...invite, name: e.target.value })} className="mt-1 w-full rounded border border-slate-600 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="invite-role" className="block font-semibold">Role</label>
            <select id="invite-role" value={invite.role} onChange={(e) => setInvite({ ...invite, role: e.target.value as Role })} className="mt-1 rounded border border-slate-600 bg-white px-2 py-1">
              {ROLES.map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={busy} className="rounded bg-slate-900 px-4 py-2 text-white disabled:opacity-60">Invite</button>
        </form>
      </section>
    </div>
  );
}
