import "server-only";
import { listRecommendations } from "@/db/queries/recommendations";
import type { Viewer } from "@/lib/access/rules";
import { titleSummary } from "./lists";

// Personal recommendations first, each with the title that led to it; popular titles fill the rest.

export async function getRecommendations({ profile }: Viewer, limit: number) {
  const rows = await listRecommendations(profile, limit);
  return {
    items: rows.map((row) => ({
      ...titleSummary(row),
      reason:
        row.reason_title === null
          ? ("popular" as const)
          : row.reason_watched
            ? { because_you_watched: row.reason_title }
            : { because_you_liked: row.reason_title },
    })),
  };
}
