import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { visibleTo, type Audience } from "@/lib/access/visibility";
import { db, queryRows } from "../client";

// Reviews of a title, read only where the reader may see the title; hidden reviews are left out of every list.

export type ReviewRow = {
  id: string;
  profile_id: string;
  profile: string;
  avatar: string;
  stars: number;
  headline: string | null;
  body: string | null;
  helpful_count: number;
  hidden: boolean;
  created_at: string;
  updated_at: string;
  voted: boolean;
};

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The review columns, with whether `voterId` (the reading profile) marked it helpful. */
const reviewFields = (voterId: string | undefined) => sql`r.id, r.profile_id, p.name as profile, p.avatar, r.stars, r.headline, r.body,
  r.helpful_count, r.hidden_at is not null as hidden, ${iso(sql`r.created_at`)} as created_at, ${iso(sql`r.updated_at`)} as updated_at,
  ${voterId ? sql`exists (select 1 from review_votes v where v.review_id = r.id and v.profile_id = ${voterId})` : sql`false`} as voted`;

/** Whether the title exists with this kind and `audience` may see it. */
export async function titleVisible(titleId: string, kind: "movie" | "show", audience: Audience): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(sql`select t.id from titles t where t.id = ${titleId} and t.kind = ${kind} and ${visibleTo(audience)}`);
  return rows.length > 0;
}

export async function findOwnReview(profileId: string, titleId: string): Promise<ReviewRow | undefined> {
  const [row] = await queryRows<ReviewRow>(sql`select ${reviewFields(undefined)} from reviews r join profiles p on p.id = r.profile_id
    where r.profile_id = ${profileId} and r.title_id = ${titleId}`);
  return row;
}

/** Writes (or rewrites) the profile's review; a rewrite keeps its helpful votes. */
export async function upsertReview(profileId: string, titleId: string, review: { stars: number; headline: string | null; body: string | null }) {
  await queryRows(sql`insert into reviews (profile_id, title_id, stars, headline, body)
    values (${profileId}, ${titleId}, ${review.stars}, ${review.headline}, ${review.body})
    on conflict (profile_id, title_id) do update
      set stars = excluded.stars, headline = excluded.headline, body = excluded.body, updated_at = now()`);
}

export async function deleteReview(profileId: string, titleId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(sql`delete from reviews where profile_id = ${profileId} and title_id = ${titleId} returning id`);
  return rows.length > 0;
}

export type ReviewSort = "newest" | "helpful";

/** A page of a title's visible reviews, with the average and count of all of them and the stars' distribution. */
export async function listTitleReviews(titleId: string, voterId: string | undefined, sort: ReviewSort, limit: number, offset: number) {
  const order = sort === "helpful" ? sql`r.helpful_count desc, r.created_at desc, r.id` : sql`r.created_at desc, r.id`;
  const [items, [summary]] = await Promise.all([
    queryRows<ReviewRow>(sql`select ${reviewFields(voterId)} from reviews r join profiles p on p.id = r.profile_id
      where r.title_id = ${titleId} and r.hidden_at is null order by ${order} limit ${limit} offset ${offset}`),
    queryRows<{ count: number; average: number | null; distribution: number[] }>(sql`select count(*)::int as count,
      round(avg(stars)::numeric, 2)::float8 as average,
      array[${sql.join([1, 2, 3, 4, 5].map((n) => sql`count(*) filter (where stars = ${n})`), sql`, `)}]::int[] as distribution
      from reviews where title_id = ${titleId} and hidden_at is null`),
  ]);
  return { items, count: summary.count, average: summary.average, distribution: summary.distribution };
}

/** The review with its title, when it exists (hidden ones included: admins act on them). */
export async function findReview(reviewId: string): Promise<{ id: string; profile_id: string; title_id: string; kind: "movie" | "show"; hidden: boolean } | undefined> {
  const [row] = await queryRows<{ id: string; profile_id: string; title_id: string; kind: "movie" | "show"; hidden: boolean }>(sql`
    select r.id, r.profile_id, r.title_id, t.kind, r.hidden_at is not null as hidden from reviews r join titles t on t.id = r.title_id where r.id = ${reviewId}`);
  return row;
}

/** Marks (or unmarks) a review helpful for a profile, keeping the count in step in one transaction; returns the count. */
export async function setHelpful(reviewId: string, profileId: string, helpful: boolean): Promise<number> {
  return db().transaction(async (tx) => {
    const changed = helpful
      ? await tx.execute(sql`insert into review_votes (review_id, profile_id) values (${reviewId}, ${profileId}) on conflict do nothing returning 1`)
      : await tx.execute(sql`delete from review_votes where review_id = ${reviewId} and profile_id = ${profileId} returning 1`);
    const count = (Array.isArray(changed) ? changed : (changed as { rows: unknown[] }).rows).length;
    const result = await tx.execute(sql`update reviews set helpful_count = helpful_count + ${helpful ? count : -count} where id = ${reviewId} returning helpful_count`);
    const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { helpful_count: number }[];
    return row.helpful_count;
  });
}

export async function setReviewHidden(reviewId: string, hidden: boolean): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(sql`update reviews set hidden_at = ${hidden ? sql`coalesce(hidden_at, now())` : sql`null`} where id = ${reviewId} returning id`);
  return rows.length > 0;
}
