import type { Profile } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";

/** The signed-in account and the profile it is browsing as (from lib/site/session's requireViewer). */
export type Viewer = { principal: Principal; profile: Profile };
