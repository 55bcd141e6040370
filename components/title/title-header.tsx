import { MaturityBadge } from "@/components/catalog/maturity-badge";
import { BACKDROP_TEXT_TOP, BackdropLayer, Poster } from "@/components/catalog/poster";

type Props = {
  title: {
    title: string;
    year: number;
    maturity_rating: string;
    genres: Array<{ name: string }>;
    poster_url: string | null;
    backdrop_url: string | null;
  };
  /** Runtime, seasons, quality… (empty ones are skipped). */
  facts: Array<string | undefined>;
  /** Play button, My List, thumbs. */
  children: React.ReactNode;
};

/** The top of a title page: backdrop, poster, name, facts and the viewer's buttons. */
export function TitleHeader({ title: item, facts, children }: Props) {
  const { title, year, genres } = item;
  return (
    <header className="relative isolate overflow-hidden">
      <BackdropLayer src={item.backdrop_url} />
      <div className={`flex items-end gap-8 px-4 pb-8 ${BACKDROP_TEXT_TOP} sm:px-8 sm:pt-24 lg:pt-32`}>
        <div className="hidden w-48 shrink-0 md:block lg:w-60 2xl:w-72">
          <Poster src={item.poster_url} alt={`${title} (${year})`} priority className="rounded-lg shadow-2xl" />
        </div>
        <div className="max-w-3xl">
          <h1 className="text-3xl font-black leading-tight sm:text-5xl">{title}</h1>
          <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-200 sm:text-base">
            <span>{year}</span>
            <MaturityBadge rating={item.maturity_rating} />
            {facts.filter(Boolean).map((fact) => (
              <span key={fact}>{fact}</span>
            ))}
          </p>
          {genres.length > 0 && <p className="mt-1 text-sm text-muted">{genres.map((genre) => genre.name).join(" · ")}</p>}
          <div className="mt-6 flex flex-col gap-4">{children}</div>
        </div>
      </div>
    </header>
  );
}
