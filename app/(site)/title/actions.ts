"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/components/catalog/action-button";
import { titleHref } from "@/components/catalog/links";
import { ApiError } from "@/lib/api/errors";
import { formMessage, userMessage } from "@/lib/i18n/errors";
import { addWatchlistTitle, hideContinueWatching, rateTitle, removeWatchlistTitle } from "@/lib/profiles/lists";
import { purchaseTitle } from "@/lib/purchases/purchases";
import type { Viewer } from "@/lib/access/rules";
import { requireViewer } from "@/lib/site/session";

// The title page's and browse rows' buttons. Each action checks the viewer itself and calls the same services as the
// API, so a kids profile cannot add or rate what it may not see (the service answers "not found").

const titleFields = { kind: z.enum(["movie", "show"]), id: z.uuid() };

const watchlistInput = z.object({ ...titleFields, add: z.enum(["true", "false"]) });
const ratingInput = z.object({ ...titleFields, rating: z.enum(["up", "down", "none"]) });
const hideInput = z.object({ id: z.uuid() });
const buyInput = z.object({ ...titleFields, offer: z.enum(["rent", "buy"]) });


/** Runs `step` for the signed-in viewer, answering expected failures as a message rather than an error page. */
async function asViewer(returnTo: string, step: (viewer: Viewer) => Promise<void>): Promise<ActionResult> {
  const viewer = await requireViewer(returnTo);
  try {
    await step(viewer);
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: await userMessage(error) };
    throw error;
  }
  return undefined;
}

function refresh(kind: "movie" | "show", id: string) {
  revalidatePath(titleHref(kind, id));
  revalidatePath("/browse");
  revalidatePath("/my-list");
}

async function changeWatchlist(form: FormData, after: (kind: "movie" | "show", id: string) => void): Promise<ActionResult> {
  const input = watchlistInput.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: await formMessage("invalidRequest") };
  const { kind, id, add } = input.data;
  const result = await asViewer(titleHref(kind, id), async (viewer) => {
    if (add === "true") await addWatchlistTitle(viewer, kind, id);
    else await removeWatchlistTitle(viewer, kind, id).catch((error) => {
      // Removing what is already gone (another tab, another device) is what the viewer wanted.
      if (!(error instanceof ApiError && error.code === "not_on_watchlist")) throw error;
    });
  });
  after(kind, id);
  return result;
}

export async function setOnWatchlist(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  return changeWatchlist(form, refresh);
}

/**
 * A card preview's My List button: the title's page and My List change, but not the page under the viewer's mouse
 * (a My List row appearing would move every row below it); the preview itself shows the new state.
 */
export async function setOnWatchlistInPlace(form: FormData): Promise<ActionResult> {
  return changeWatchlist(form, (kind, id) => {
    revalidatePath(titleHref(kind, id));
    revalidatePath("/my-list");
  });
}

export async function setRating(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = ratingInput.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: await formMessage("invalidRequest") };
  const { kind, id, rating } = input.data;
  const result = await asViewer(titleHref(kind, id), async (viewer) => {
    await rateTitle(viewer, kind, id, rating === "none" ? null : rating);
  });
  refresh(kind, id);
  return result;
}

export async function hideFromContinueWatching(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = hideInput.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: await formMessage("invalidRequest") };
  const result = await asViewer("/browse", async (viewer) => {
    await hideContinueWatching(viewer, input.data.id).catch((error) => {
      if (!(error instanceof ApiError && error.code === "not_in_continue_watching")) throw error;
    });
  });
  revalidatePath("/browse");
  return result;
}

/** Rent or buy: with Stripe, on to Checkout; with the local provider the title is granted and the page shows it. */
export async function buyTitle(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = buyInput.safeParse(Object.fromEntries(form));
  if (!input.success) return { error: await formMessage("invalidRequest") };
  const { kind, id, offer } = input.data;
  let checkout: string | undefined;
  const result = await asViewer(titleHref(kind, id), async (viewer) => {
    const sold = await purchaseTitle(viewer.principal, viewer, { title_id: id, kind: offer });
    if ("url" in sold) checkout = sold.url;
  });
  if (checkout) redirect(checkout);
  refresh(kind, id);
  revalidatePath("/account");
  return result;
}
