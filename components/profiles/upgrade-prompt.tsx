import Link from "next/link";

/** Shown where a profile cannot be added: no plan yet, or the plan's profile limit is reached (the API's 426). */
export function UpgradePrompt({ plan, limit }: { plan: string | null; limit: number }) {
  return (
    <div role="note" className="mx-auto max-w-xl rounded-lg bg-surface-raised p-5 text-center ring-1 ring-white/10">
      {plan ? (
        <p>
          Your <strong>{plan}</strong> plan includes {limit} profiles, and they are all in use. Upgrade your plan to add
          more, or delete a profile you no longer need.
        </p>
      ) : (
        <p>Choose a plan to create profiles and start watching.</p>
      )}
      <div className="mt-4 flex flex-wrap justify-center gap-3">
        <Link href="/account#plan" className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-strong">
          {plan ? "Upgrade plan" : "Choose a plan"}
        </Link>
        <Link href="/plans" className="rounded-md bg-white/10 px-4 py-2 text-sm font-semibold ring-1 ring-white/20 hover:bg-white/20">
          Compare plans
        </Link>
      </div>
    </div>
  );
}
