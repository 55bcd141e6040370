import { TitleCard, type CardTitle } from "./title-card";

export const GRID = "grid grid-cols-3 gap-2 [--card-width:100%] sm:grid-cols-4 sm:gap-3 md:grid-cols-5 lg:grid-cols-6 2xl:grid-cols-8";

/** Posters in a responsive grid; `extra` renders under each card (e.g. a remove button). */
export function TitleGrid<T extends CardTitle>({ titles, extra }: { titles: T[]; extra?: (title: T) => React.ReactNode }) {
  return (
    <ul className={GRID}>
      {titles.map((title) => (
        <TitleCard key={title.id} title={title}>
          {extra?.(title)}
        </TitleCard>
      ))}
    </ul>
  );
}
