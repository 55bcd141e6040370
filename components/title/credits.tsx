import { getTranslations } from "next-intl/server";

type Person = { id: string; name: string; character?: string };

/** Cast and crew as a definition list; each group only when it has people. */
export async function Credits({ groups }: { groups: Array<{ label: string; people: Person[] }> }) {
  const t = await getTranslations("title");
  const shown = groups.filter((group) => group.people.length > 0);
  if (!shown.length) return null;
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {shown.map((group) => (
        <div key={group.label} className="contents">
          <dt className="text-muted">{group.label}</dt>
          <dd>
            <ul className="flex flex-wrap gap-x-1">
              {group.people.map((person, index) => (
                <li key={`${person.id}-${index}`}>
                  {person.name}
                  {person.character && <span className="text-muted"> {t("as", { character: person.character })}</span>}
                  {index < group.people.length - 1 && <span aria-hidden>,</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
