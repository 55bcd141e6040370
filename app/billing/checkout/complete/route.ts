// GET /billing/checkout/complete?session_id=… – Stripe Checkout's return: store the result, then show the account
import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/api/errors";
import { reconcileCheckout } from "@/lib/billing/checkout";
import { appUrl } from "@/lib/env";
import { afterPlanChosen, forgetNext, recalledNext } from "@/lib/site/onboarding";
import { currentPrincipal } from "@/lib/site/session";

// No sign-in needed: the session id only lets us re-read from Stripe what Stripe already decided, and the result is
// stored for the account that owns the session's customer, whoever follows the link.
export async function GET(req: NextRequest) {
  const sessionId = req.nextUrl.searchParams.get("session_id") ?? "";
  let outcome = "pending";
  if (/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) {
    try {
      const subscription = await reconcileCheckout(sessionId);
      if (subscription) outcome = subscription.has_access ? "success" : "pending";
    } catch (error) {
      // The webhook will bring the state in shortly; the user must not see an error page for a payment that worked.
      if (!(error instanceof ApiError)) console.error(`Checkout return ${sessionId}: ${(error as Error).message}`);
    }
  } else {
    outcome = "invalid";
  }
  // A new member who paid goes on to their first profile, then to what they wanted before signing up.
  const principal = outcome === "success" ? await currentPrincipal() : undefined;
  const onward = principal && (await afterPlanChosen(principal.accountId, await recalledNext()));
  if (onward) await forgetNext();
  return NextResponse.redirect(`${appUrl}${onward ?? `/account?billing=${outcome}`}`, 303);
}
