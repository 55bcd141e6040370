import { TitleCard, type CardTitle } from "./title-card";

export const GRID = "grid grid-cols-3 gap-2 [--card-width:100%] sm:grid-cols-4 sm:gap-3 md:grid-cols-5 lg:grid-cols-6 2xl:grid-cols-8";

// The first rows of a grid are on screen when the page opens (two rows at 6 columns, four at 3): their posters load
// with the page. Left lazy, the first poster was a phone's largest paint at 3.1 s (Lighthouse, search page).
const EAGER_CARDS = 12;

/** Posters in a responsive grid; `extra` renders under each card (e.g. a remove button). */
export function TitleGrid<T extends CardTitle>({ titles, extra }: { titles: T[]; extra?: (title: T) => React.ReactNode }) {
  return (
    <ul className={GRID}>
      {titles.map((title, index) => (
        <TitleCard key={title.id} title={title} eager={index < EAGER_CARDS}>
          {extra?.(title)}
        </TitleCard>
      ))}
    </ul>
  );
}
