import Link from "next/link";

// Rendered, with status 403, when a signed-in account without the admin role opens an admin page.
export default function AdminForbidden() {
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-3xl font-bold">Administrators only</h1>
      <p className="mt-3 text-muted">This account cannot manage NormFlix. Ask an administrator to grant you the role.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-white/10 px-4 py-2 text-sm font-semibold hover:bg-white/20">
        Back to NormFlix
      </Link>
    </div>
  );
}
