"use client";

import { useFormState } from "@/components/forms/action-form";
import { UpgradeLinks } from "./upgrade-links";

/** When adding a profile hits the plan's limit (426, e.g. another device took the last slot), offer the way out. */
export function UpgradeOnLimit() {
  const state = useFormState();
  return state.code === "upgrade_required" ? <UpgradeLinks hasPlan /> : null;
}
