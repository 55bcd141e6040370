"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/browse", label: "Home" },
  { href: "/live", label: "Live" },
  { href: "/search", label: "Search" },
  { href: "/my-list", label: "My List" },
];

/** The main sections, with the current one marked for screen readers and sighted users alike. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center sm:gap-2">
      {LINKS.map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className="whitespace-nowrap rounded px-1.5 py-1.5 text-sm sm:px-2 text-neutral-300 transition-colors hover:text-white aria-[current=page]:font-semibold aria-[current=page]:text-white sm:text-base"
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
