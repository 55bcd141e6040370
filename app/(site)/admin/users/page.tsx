import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { searchAccounts } from "@/lib/admin/users";
import { accountStateAction } from "../actions";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };
const PAGE = 50;

export default async function AdminUsersPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/users");
  const { q, page } = await searchParams;
  const offset = Math.max(0, (Number(page) || 1) - 1) * PAGE;
  const accounts = await searchAccounts(principal, { q: q?.trim() || undefined, limit: PAGE, offset });
  return (
    <section aria-labelledby="users" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 id="users" className="text-2xl font-bold">Users <span className="text-base font-normal text-muted">({accounts.total})</span></h1>
        <form role="search" className="flex gap-2">
          <input name="q" defaultValue={q} placeholder="Username or email" aria-label="Search users" className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
          <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Search</button>
        </form>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="text-muted">
          <tr><th className="py-2">Account</th><th>Plan</th><th>Sessions</th><th>Last seen</th><th>Joined</th><th><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody className="divide-y divide-white/10">
          {accounts.items.map((a) => (
            <tr key={a.id} className={a.disabled ? "opacity-60" : undefined}>
              <td className="py-2">
                <span className="font-medium">{a.username}</span>
                {a.role === "admin" && <span className="ml-2 rounded bg-brand/30 px-1.5 text-xs">admin</span>}
                {a.disabled && <span className="ml-2 rounded bg-danger/30 px-1.5 text-xs">disabled</span>}
                <span className="block text-xs text-muted">{a.email}</span>
              </td>
              <td>{a.plan ?? "none"} <span className="text-xs text-muted">{a.subscription_status !== "none" && a.subscription_status}</span></td>
              <td>{a.live_sessions}</td>
              <td>{a.last_seen_at ? new Date(a.last_seen_at).toLocaleString() : "—"}</td>
              <td>{new Date(a.created_at).toLocaleDateString()}</td>
              <td>
                {a.id !== principal.accountId && (
                  <ActionForm action={accountStateAction} label={`${a.disabled ? "Enable" : "Disable"} ${a.username}`} className="flex items-center gap-2">
                    <input type="hidden" name="id" value={a.id} />
                    <input type="hidden" name="disabled" value={String(!a.disabled)} />
                    <SubmitButton variant={a.disabled ? "secondary" : "danger"} pendingLabel="…">{a.disabled ? "Enable" : "Disable"}</SubmitButton>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {offset > 0 && <Link href={`?q=${q ?? ""}&page=${offset / PAGE}`} className="underline">Previous</Link>}
        {offset + PAGE < accounts.total && <Link href={`?q=${q ?? ""}&page=${offset / PAGE + 2}`} className="underline">Next</Link>}
      </nav>
    </section>
  );
}
