import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mx-auto mt-16 max-w-screen-2xl px-4 pb-10 text-sm text-muted sm:px-8">
      <nav aria-label="Footer">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/plans" className="hover:text-white hover:underline">
              Plans
            </Link>
          </li>
          <li>
            <Link href="/account" className="hover:text-white hover:underline">
              Account
            </Link>
          </li>
          <li>
            <Link href="/docs/api" className="hover:text-white hover:underline">
              API reference
            </Link>
          </li>
        </ul>
      </nav>
      <p className="mt-4">NormFlix — self-hosted streaming.</p>
    </footer>
  );
}
