import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { searchAccounts } from "@/lib/admin/users";
import { getFormat } from "@/lib/i18n/server";
import { accountStateAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

type Props = { searchParams: Promise<{ q?: string; page?: string }> };
const PAGE = 50;

export default async function AdminUsersPage({ searchParams }: Props) {
  const principal = await requireAdminPage("/admin/users");
  const { q, page } = await searchParams;
  const offset = Math.max(0, (Number(page) || 1) - 1) * PAGE;
  const [accounts, t, f] = await Promise.all([searchAccounts(principal, { q: q?.trim() || undefined, limit: PAGE, offset }), getTranslations(), getFormat()]);
  const status = (value: string) => {
    const key = `account.plan.status.${value}` as "account.plan.status.none";
    return t.has(key) ? t(key) : value;
  };
  return (
    <section aria-labelledby="users" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 id="users" className="text-2xl font-bold">{t("admin.users.title")} <span className="text-base font-normal text-muted">({accounts.total})</span></h1>
        <form role="search" className="flex gap-2">
          <input name="q" defaultValue={q} placeholder={t("admin.users.searchPlaceholder")} aria-label={t("admin.users.search")} className="rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
          <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("admin.common.search")}</button>
        </form>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="text-muted">
          <tr>
            <th className="py-2">{t("admin.users.account")}</th>
            <th>{t("admin.users.plan")}</th>
            <th>{t("admin.users.sessions")}</th>
            <th>{t("admin.users.lastSeen")}</th>
            <th>{t("admin.users.joined")}</th>
            <th><span className="sr-only">{t("admin.users.actions")}</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-white/10">
          {accounts.items.map((a) => (
            <tr key={a.id} className={a.disabled ? "opacity-60" : undefined}>
              <td className="py-2">
                <span className="font-medium">{a.username}</span>
                {a.role === "admin" && <span className="ml-2 rounded bg-brand/30 px-1.5 text-xs">{t("admin.users.admin")}</span>}
                {a.disabled && <span className="ml-2 rounded bg-danger/30 px-1.5 text-xs">{t("admin.users.disabled")}</span>}
                <span className="block text-xs text-muted">{a.email}</span>
              </td>
              <td>{a.plan ?? t("admin.users.noPlan")} <span className="text-xs text-muted">{a.subscription_status !== "none" && status(a.subscription_status)}</span></td>
              <td>{f.number(a.live_sessions)}</td>
              <td>{a.last_seen_at ? f.dateTime(a.last_seen_at) : "—"}</td>
              <td>{f.date(a.created_at)}</td>
              <td>
                {a.id !== principal.accountId && (
                  <ActionForm action={accountStateAction} label={t(a.disabled ? "admin.users.enableNamed" : "admin.users.disableNamed", { username: a.username })} className="flex items-center gap-2">
                    <input type="hidden" name="id" value={a.id} />
                    <input type="hidden" name="disabled" value={String(!a.disabled)} />
                    <SubmitButton variant={a.disabled ? "secondary" : "danger"} pendingLabel="…">{t(a.disabled ? "admin.users.enable" : "admin.users.disable")}</SubmitButton>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={t("admin.common.pages")} className="flex gap-3 text-sm">
        {offset > 0 && <Link href={`?q=${q ?? ""}&page=${offset / PAGE}`} className="underline">{t("admin.common.previous")}</Link>}
        {offset + PAGE < accounts.total && <Link href={`?q=${q ?? ""}&page=${offset / PAGE + 2}`} className="underline">{t("admin.common.next")}</Link>}
      </nav>
    </section>
  );
}
