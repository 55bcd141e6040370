import { Credits } from "./credits";

type Named = { id: string; name: string };

/** What a title can be heard in and read with, apart from its cast and crew. */
export function Languages({ audio, subtitles = [] }: { audio: Named[]; subtitles?: Named[] }) {
  return (
    <section aria-label="Languages" className="mt-4">
      <Credits
        groups={[
          { label: "Audio", people: audio },
          { label: "Subtitles", people: subtitles },
        ]}
      />
    </section>
  );
}
