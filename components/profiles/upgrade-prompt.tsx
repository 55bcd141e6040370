import { UpgradeLinks } from "./upgrade-links";

/** Shown where a profile cannot be added: no plan yet, or the plan's profile limit is reached (the API's 426). */
export function UpgradePrompt({ plan, limit }: { plan: string | null; limit: number }) {
  return (
    <div role="note" className="mx-auto max-w-xl space-y-4 rounded-lg bg-surface-raised p-5 text-center ring-1 ring-white/10">
      {plan ? (
        <p>
          Your <strong>{plan}</strong> plan includes {limit} profiles, and they are all in use. Upgrade your plan to add
          more, or delete a profile you no longer need.
        </p>
      ) : (
        <p>Choose a plan to create profiles and start watching.</p>
      )}
      <UpgradeLinks hasPlan={!!plan} />
    </div>
  );
}
