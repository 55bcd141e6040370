// /watch/movie/<movieId> – the player, full screen, for the signed-in profile
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getMovie } from "@/lib/catalog/catalog";
import { requireViewer } from "@/lib/site/session";
import { watchingProfile } from "../../watching-profile";
import { Watch } from "../../watch";
import { movieOrNotFound } from "./movie";

type Props = { params: Promise<{ movieId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { movieId } = await params;
  await movieOrNotFound(movieId);
  // The tab names the movie only to a profile that may see it.
  const movie = await getMovie(movieId, await watchingProfile()).catch(() => undefined);
  const t = await getTranslations("watch");
  return { title: movie ? t("watchTitle", { title: movie.title }) : t("watch") };
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
