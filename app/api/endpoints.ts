import type { Endpoint } from "@/lib/api/endpoint";
import * as accounts from "./accounts/schema";
import * as accountSecurity from "./accounts/security-schema";
import * as accountIdentities from "./accounts/identities/schema";
import * as accountSubscription from "./accounts/subscription-schema";
import * as adminAnalytics from "./admin/analytics/schema";
import * as analytics from "./analytics/schema";
import * as adminAssets from "./admin/assets/schema";
import * as adminCoupons from "./admin/coupons/schema";
import * as paymentMethods from "./accounts/payment-methods/schema";
import * as billingAddress from "./accounts/billing-address/schema";
import * as adminChannels from "./admin/channels/schema";
import * as adminCollections from "./admin/collections/schema";
import * as adminCatalog from "./admin/catalog/schema";
import * as adminJobs from "./admin/jobs/schema";
import * as adminUploads from "./admin/uploads/schema";
import * as adminUsers from "./admin/users/schema";
import * as billing from "./billing/schema";
import * as channels from "./channels/schema";
import * as browse from "./browse/schema";
import * as browseHome from "./browse/home-schema";
import * as collections from "./collections/schema";
import * as similar from "./browse/similar-schema";
import * as health from "./health/schema";
import * as movies from "./movies/schema";
import * as parties from "./parties/schema";
import * as notifications from "./notifications/schema";
import * as plans from "./plans/schema";
import * as profiles from "./profiles/schema";
import * as profileLists from "./profiles/lists-schema";
import * as profileStats from "./profiles/stats-schema";
import * as reviews from "./profiles/reviews-schema";
import * as purchases from "./purchases/schema";
import * as shows from "./shows/schema";
import * as streams from "./streams/schema";

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" && value !== null && "method" in value && "path" in value;

const methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every documented endpoint, by path and then method (module namespaces would list them by export name), with its
 * OpenAPI `operationId` taken from the definition's export name (`createProfileEndpoint` → `createProfile`): client
 * generators name their methods from it.
 */
export const endpoints: (Endpoint & { operationId: string })[] = [
  accounts,
  accountSecurity,
  accountIdentities,
  accountSubscription,
  billing,
  purchases,
  plans,
  profiles,
  profileLists,
  profileStats,
  reviews,
  movies,
  shows,
  streams,
  channels,
  parties,
  browse,
  browseHome,
  collections,
  similar,
  notifications,
  analytics,
  health,
  adminUsers,
  adminCatalog,
  adminAssets,
  adminJobs,
  adminUploads,
  adminAnalytics,
  adminCoupons,
  paymentMethods,
  billingAddress,
  adminChannels,
  adminCollections,
]
  .flatMap((group) =>
    Object.entries(group).flatMap(([name, value]) => (isEndpoint(value) ? [{ ...value, operationId: name.replace(/Endpoint$/, "") }] : [])),
  )
  .sort((a, b) => a.path.localeCompare(b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method));
