import { WatchGate } from "../../watch";
import { movieOrNotFound } from "./movie";

// Outside the loading boundary: an unknown movie is answered 404, and a refusal with its own status, before the
// spinner streams.
export default async function WatchMovieLayout({ children, params }: { children: React.ReactNode; params: Promise<{ movieId: string }> }) {
  const { movieId } = await params;
  await movieOrNotFound(movieId);
  return (
    <WatchGate item={{ kind: "movie", movieId }} returnTo={`/watch/movie/${movieId}`} backHref={`/title/movie/${movieId}`}>
      {children}
    </WatchGate>
  );
}
