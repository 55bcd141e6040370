import "server-only";
import {
  deleteReview,
  findOwnReview,
  findReview,
  listTitleReviews,
  setHelpful,
  setReviewHidden,
  titleVisible,
  upsertReview,
  type ReviewRow,
  type ReviewSort,
} from "@/db/queries/reviews";
import type { Audience } from "@/lib/access/visibility";
import type { Viewer } from "@/lib/access/rules";
import type { Principal } from "@/lib/accounts/sessions";
import { requireAdmin } from "@/lib/admin/guard";
import { ApiError } from "@/lib/api/errors";

// Reviews: 1–5 stars with an optional headline and text, one per profile and title, on titles the profile may see.
// Plain text only (the site renders it as text, never as HTML); others mark reviews helpful; admins hide abusive ones.

export type TitleKind = "movie" | "show";
export type ReviewInput = { stars: number; title?: string | null; text?: string | null };

const titleMissing = (kind: TitleKind) =>
  new ApiError(kind === "movie" ? "movie_not_found" : "show_not_found", `No ${kind} with that id on this profile.`);

/** Trims, folds runs of blank lines and drops control characters other than newlines; empty is null. */
export function plainText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const clean = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return clean === "" ? null : clean;
}

export function reviewView(row: ReviewRow, readerId?: string) {
  return {
    id: row.id,
    profile: row.profile,
    avatar: row.avatar,
    stars: row.stars,
    title: row.headline,
    text: row.body,
    helpful_count: row.helpful_count,
    marked_helpful: row.voted,
    yours: readerId !== undefined && row.profile_id === readerId,
    hidden: row.hidden,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

async function requireVisible(kind: TitleKind, titleId: string, audience: Audience) {
  if (!(await titleVisible(titleId, kind, audience))) throw titleMissing(kind);
}

export async function getOwnReview({ profile }: Viewer, kind: TitleKind, titleId: string) {
  await requireVisible(kind, titleId, profile);
  const row = await findOwnReview(profile.id, titleId);
  return { review: row ? reviewView(row, profile.id) : null };
}

export async function writeReview({ profile }: Viewer, kind: TitleKind, titleId: string, input: ReviewInput) {
  await requireVisible(kind, titleId, profile);
  await upsertReview(profile.id, titleId, { stars: input.stars, headline: plainText(input.title), body: plainText(input.text) });
  return { review: reviewView((await findOwnReview(profile.id, titleId))!, profile.id) };
}

export async function removeReview({ profile }: Viewer, kind: TitleKind, titleId: string) {
  await requireVisible(kind, titleId, profile);
  if (!(await deleteReview(profile.id, titleId))) throw new ApiError("review_not_found", "This profile has not reviewed that title.");
  return {};
}

/** A title's reviews for a reader (a profile, or a client without one): newest or most helpful first, paged. */
export async function titleReviews(viewer: Viewer | undefined, kind: TitleKind, titleId: string, page: { sort: ReviewSort; limit: number; offset: number }) {
  await requireVisible(kind, titleId, viewer?.profile);
  const readerId = viewer?.profile.id;
  const found = await listTitleReviews(titleId, readerId, page.sort, page.limit, page.offset);
  return {
    average_stars: found.average,
    count: found.count,
    distribution: Object.fromEntries(found.distribution.map((n, i) => [String(i + 1), n])) as Record<"1" | "2" | "3" | "4" | "5", number>,
    sort: page.sort,
    items: found.items.map((row) => reviewView(row, readerId)),
    total: found.count,
    limit: page.limit,
    offset: page.offset,
  };
}

/** Marks another profile's review helpful (or takes the mark back); a review of one's own is refused. */
export async function markHelpful({ profile }: Viewer, reviewId: string, helpful: boolean) {
  const review = await findReview(reviewId);
  if (!review || review.hidden || !(await titleVisible(review.title_id, review.kind, profile))) {
    throw new ApiError("review_not_found", "No review with that id.");
  }
  if (review.profile_id === profile.id) throw new ApiError("forbidden", "A review cannot be marked helpful by its own author.");
  return { review_id: reviewId, marked_helpful: helpful, helpful_count: await setHelpful(reviewId, profile.id, helpful) };
}

export async function hideReview(principal: Principal | undefined, reviewId: string, hidden: boolean) {
  requireAdmin(principal);
  if (!(await setReviewHidden(reviewId, hidden))) throw new ApiError("review_not_found", "No review with that id.");
  return { review_id: reviewId, hidden };
}
