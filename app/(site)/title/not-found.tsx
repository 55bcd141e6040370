import Link from "next/link";

export default function TitleNotFound() {
  return (
    <div className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-3xl font-bold">Title not found</h1>
      <p className="mt-4 text-muted">
        This title does not exist, was removed, or is not available on this profile.
      </p>
      <div className="mt-8 flex justify-center gap-4">
        <Link href="/browse" className="rounded bg-white px-5 py-2.5 font-semibold text-black hover:bg-neutral-200">
          Back to browsing
        </Link>
        <Link href="/search" className="rounded border border-neutral-500 px-5 py-2.5 font-semibold hover:border-white">
          Search
        </Link>
      </div>
    </div>
  );
}
