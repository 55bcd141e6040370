import { movieOrNotFound } from "./movie";

// Outside the loading boundary: an unknown movie is answered 404 before the spinner streams.
export default async function WatchMovieLayout({ children, params }: { children: React.ReactNode; params: Promise<{ movieId: string }> }) {
  await movieOrNotFound((await params).movieId);
  return children;
}
