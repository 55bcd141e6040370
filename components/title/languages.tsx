import { getTranslations } from "next-intl/server";
import { Credits } from "./credits";

type Named = { id: string; name: string };

/** What a title can be heard in and read with, apart from its cast and crew. */
export async function Languages({ audio, subtitles = [] }: { audio: Named[]; subtitles?: Named[] }) {
  const t = await getTranslations("title");
  return (
    <section aria-label={t("languages")} className="mt-4">
      <Credits
        groups={[
          { label: t("audio"), people: audio },
          { label: t("subtitles"), people: subtitles },
        ]}
      />
    </section>
  );
}
