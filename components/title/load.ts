import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { planCoversAccess } from "@/lib/access/rules";
import { ApiError } from "@/lib/api/errors";
import { getMovie, getShow } from "@/lib/catalog/catalog";
import { getTitleState } from "@/lib/profiles/title-state";
import { requireViewer } from "@/lib/site/session";
import { titleHref, type TitleKind } from "@/components/catalog/links";

// A title page's data, once per request (metadata and page share it). Titles the profile may not see do not exist
// for it: 404, the same answer as for an unknown id.

const missing = (error: unknown): never => {
  if (error instanceof ApiError && error.status === 404) notFound();
  throw error;
};

async function viewerState(kind: TitleKind, id: string) {
  const viewer = await requireViewer(titleHref(kind, id));
  // The state's query checks the id's form and the profile's rating before the catalog is asked.
  const state = await getTitleState(viewer, id);
  if (!state) notFound();
  return { viewer, state };
}

export const loadMovie = cache(async (id: string) => {
  const { viewer, state } = await viewerState("movie", id);
  const movie = await getMovie(id, viewer.profile, viewer.principal.accountId).catch(missing);
  return { viewer, state, movie, covered: await planCoversAccess(viewer.principal.accountId, movie.access) };
});

export const loadShow = cache(async (id: string) => {
  const { viewer, state } = await viewerState("show", id);
  const show = await getShow(id, viewer.profile, viewer.principal.accountId).catch(missing);
  return { viewer, state, show, covered: await planCoversAccess(viewer.principal.accountId, show.access) };
});
