// /watch/movie/<movieId> – the player, full screen, for the signed-in profile
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMovie } from "@/lib/catalog/catalog";
import { requireViewer } from "@/lib/site/session";
import { Watch } from "../../watch";

type Props = { params: Promise<{ movieId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function movieOrNotFound(movieId: string) {
  if (!UUID.test(movieId)) notFound();
  // Published movies: one the profile may not watch gets the player's own "not available on this profile".
  return getMovie(movieId, undefined).catch(() => notFound());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Watch ${(await movieOrNotFound((await params).movieId)).title}` };
}

export default async function WatchMoviePage({ params }: Props) {
  const { movieId } = await params;
  const viewer = await requireViewer(`/watch/movie/${movieId}`);
  const movie = await movieOrNotFound(movieId);
  return (
    <Watch
      viewer={viewer}
      item={{ kind: "movie", movieId }}
      info={{ title: movie.title, subtitle: `${movie.year} · ${movie.maturity_rating}`, backHref: `/title/movie/${movieId}`, next: null }}
    />
  );
}
