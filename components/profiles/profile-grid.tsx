import type { ReactNode } from "react";
import type { profileAllowance } from "@/lib/site/profile-allowance";
import { AddProfileTile } from "./add-profile-tile";
import { UpgradePrompt } from "./upgrade-prompt";

type Allowance = Awaited<ReturnType<typeof profileAllowance>>;

/**
 * The row of profile tiles, ending with "Add profile" while the plan allows one and an upgrade prompt once not (neither
 * for a browser watching as kids, which may not manage profiles).
 */
export function ProfileGrid({ allowance, canManage = true, children }: { allowance: Allowance; canManage?: boolean; children: ReactNode }) {
  return (
    <>
      <ul className="mx-auto mt-10 flex max-w-5xl flex-wrap justify-center gap-6 sm:gap-10">
        {children}
        {canManage && allowance.canAdd && (
          <li>
            <AddProfileTile />
          </li>
        )}
      </ul>
      {canManage && !allowance.canAdd && (
        <div className="mt-10">
          <UpgradePrompt plan={allowance.plan?.name ?? null} limit={allowance.limit} />
        </div>
      )}
    </>
  );
}
