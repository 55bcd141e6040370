"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/titles", label: "Titles" },
  { href: "/admin/uploads", label: "Upload" },
  { href: "/admin/jobs", label: "Jobs" },
  { href: "/admin/people", label: "People & genres" },
  { href: "/admin/collections", label: "Collections" },
  { href: "/admin/channels", label: "Channels" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/coupons", label: "Coupons" },
  { href: "/admin/analytics", label: "Analytics" },
];

/** The admin sections, with the current one marked for screen readers and the eye. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-8 flex flex-wrap gap-2 border-b border-white/10 pb-4">
      {sections.map(({ href, label }) => {
        const current = href === "/admin" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-neutral-300 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
