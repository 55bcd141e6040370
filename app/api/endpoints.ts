import type { Endpoint } from "@/lib/api/endpoint";
import * as accounts from "./accounts/schema";
import * as health from "./health/schema";
import * as plans from "./plans/schema";

/** Every documented endpoint, in the order the API reference lists them. */
export const endpoints: Endpoint[] = [accounts, plans, health].flatMap((group) => Object.values(group) as Endpoint[]);
