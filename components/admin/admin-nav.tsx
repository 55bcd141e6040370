"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const sections = [
  { href: "/admin", label: "overview" },
  { href: "/admin/titles", label: "titles" },
  { href: "/admin/uploads", label: "uploads" },
  { href: "/admin/jobs", label: "jobs" },
  { href: "/admin/people", label: "people" },
  { href: "/admin/collections", label: "collections" },
  { href: "/admin/channels", label: "channels" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/coupons", label: "coupons" },
  { href: "/admin/analytics", label: "analytics" },
] as const;

/** The admin sections, with the current one marked for screen readers and the eye. */
export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="mb-8 flex flex-wrap gap-2 border-b border-white/10 pb-4">
      {sections.map(({ href, label }) => {
        const current = href === "/admin" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-neutral-300 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
          >
            {t(label)}
          </Link>
        );
      })}
    </nav>
  );
}
