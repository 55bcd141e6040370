import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { addCreditAction, editCreditAction } from "@/app/(site)/admin/actions";
import type { CreditRole } from "@/lib/admin/credits";
import { SelectField } from "./form-bits";

type Credit = { person_id: string; name: string; role: string; character: string | null };
type Person = { id: string; name: string };

const ROLES: readonly string[] = ["cast", "director", "creator"] satisfies CreditRole[];

/**
 * A title's cast and crew in billing order: move, remove, and add (an existing person, found with the search, or a
 * new one typed in). Plain forms, so it works before (or without) JavaScript.
 */
export async function CreditsEditor({ titleId, kind, credits, people, search }: { titleId: string; kind: "movie" | "show"; credits: Credit[]; people: Person[]; search?: string }) {
  const roles: CreditRole[] = kind === "movie" ? ["cast", "director"] : ["cast", "creator"];
  const t = await getTranslations("admin.credits");
  const roleLabel = (role: string) => (ROLES.includes(role) ? t(`roles.${role as CreditRole}`) : role);
  return (
    <div className="space-y-4">
      {credits.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ol aria-label={t("list")} className="divide-y divide-white/10 text-sm">
          {credits.map((credit, index) => {
            const sameRole = (i: number) => credits[i]?.role === credit.role;
            return (
              <li key={`${credit.person_id}:${credit.role}`} aria-label={t("item", { name: credit.name, role: roleLabel(credit.role) })} className="flex flex-wrap items-center gap-3 py-2">
                <span className="min-w-0 flex-1">
                  {credit.name}{" "}
                  <span className="text-muted">· {credit.character ? t("as", { role: roleLabel(credit.role), character: credit.character }) : roleLabel(credit.role)}</span>
                </span>
                <ActionForm action={editCreditAction} label={t("edit", { name: credit.name })} className="flex gap-2">
                  <input type="hidden" name="title_id" value={titleId} />
                  <input type="hidden" name="person_id" value={credit.person_id} />
                  <input type="hidden" name="role" value={credit.role} />
                  {sameRole(index - 1) && <SubmitButton variant="secondary" name="op" value="up">{t("moveUp")}</SubmitButton>}
                  {sameRole(index + 1) && <SubmitButton variant="secondary" name="op" value="down">{t("moveDown")}</SubmitButton>}
                  <SubmitButton variant="danger" name="op" value="remove">{t("remove")}</SubmitButton>
                </ActionForm>
              </li>
            );
          })}
        </ol>
      )}
      <form role="search" aria-label={t("find")} className="flex gap-2 border-t border-white/10 pt-4">
        <input name="people" type="search" defaultValue={search} placeholder={t("search")} aria-label={t("search")} className="min-w-0 flex-1 rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
        <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">{t("searchButton")}</button>
      </form>
      <ActionForm action={addCreditAction} label={t("add")} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="title_id" value={titleId} />
        <SelectField
          name="person_id"
          label={search ? t("personMatching", { search, count: people.length }) : t("person")}
          options={[{ value: "", label: t("choose") }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Field name="new_person" label={t("newPerson")} autoComplete="off" />
        <SelectField name="role" label={t("role")} options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        <Field name="character" label={t("character")} autoComplete="off" />
        <SubmitButton variant="secondary" pendingLabel={t("adding")} className="sm:col-span-2 justify-self-start">
          {t("add")}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
