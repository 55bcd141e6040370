// GET /billing/purchase/complete?session_id=… – Stripe Checkout's return after renting or buying: grant, then show the title
import { NextResponse, type NextRequest } from "next/server";
import { findTitle } from "@/db/queries/catalog";
import { ApiError } from "@/lib/api/errors";
import { reconcileSale } from "@/lib/billing/stripe/purchases";
import { stripeEnabled } from "@/lib/billing/stripe/client";
import { appUrl } from "@/lib/env";

// No sign-in needed, as for subscriptions: the session id only lets us re-read from Stripe what Stripe decided, and
// the grant goes to the account the sale was made for, whoever follows the link.
export async function GET(req: NextRequest) {
  const sessionId = req.nextUrl.searchParams.get("session_id") ?? "";
  if (!stripeEnabled() || !/^cs_[A-Za-z0-9_]{1,250}$/.test(sessionId)) return NextResponse.redirect(`${appUrl}/account?purchase=invalid`, 303);
  try {
    const sale = await reconcileSale(sessionId);
    const title = sale && (await findTitle(sale.titleId, undefined));
    if (title) return NextResponse.redirect(`${appUrl}/title/${title.kind}/${title.id}?purchase=${sale.outcome === "granted" ? "success" : "duplicate"}`, 303);
  } catch (error) {
    // The webhook will bring the grant in shortly; the user must not see an error page for a payment that worked.
    if (!(error instanceof ApiError)) console.error(`Purchase return ${sessionId}: ${(error as Error).message}`);
  }
  return NextResponse.redirect(`${appUrl}/account?purchase=pending`, 303);
}
