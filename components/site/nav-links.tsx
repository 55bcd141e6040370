"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/browse", label: "home" },
  { href: "/live", label: "live" },
  { href: "/search", label: "search" },
  { href: "/my-list", label: "myList" },
] as const;

/** The main sections, with the current one marked for screen readers and sighted users alike. */
export function NavLinks() {
  const pathname = usePathname();
  const t = useTranslations("nav");
  return (
    <ul className="flex items-center gap-1 sm:gap-2">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className="whitespace-nowrap rounded px-1.5 py-1.5 text-sm sm:px-2 text-neutral-300 transition-colors hover:text-white aria-[current=page]:font-semibold aria-[current=page]:text-white sm:text-base"
            >
              {t(label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
