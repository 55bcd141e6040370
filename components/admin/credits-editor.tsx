import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { addCreditAction, editCreditAction } from "@/app/(site)/admin/actions";
import type { CreditRole } from "@/lib/admin/credits";
import { SelectField } from "./form-bits";

type Credit = { person_id: string; name: string; role: string; character: string | null };
type Person = { id: string; name: string };

const ROLE_LABELS: Record<CreditRole, string> = { cast: "Cast", director: "Director", creator: "Creator" };

/**
 * A title's cast and crew in billing order: move, remove, and add (an existing person, found with the search, or a
 * new one typed in). Plain forms, so it works before (or without) JavaScript.
 */
export function CreditsEditor({ titleId, kind, credits, people, search }: { titleId: string; kind: "movie" | "show"; credits: Credit[]; people: Person[]; search?: string }) {
  const roles: CreditRole[] = kind === "movie" ? ["cast", "director"] : ["cast", "creator"];
  return (
    <div className="space-y-4">
      {credits.length === 0 ? (
        <p className="text-sm text-muted">No cast or crew yet.</p>
      ) : (
        <ol aria-label="Credits" className="divide-y divide-white/10 text-sm">
          {credits.map((credit, index) => {
            const sameRole = (i: number) => credits[i]?.role === credit.role;
            return (
              <li key={`${credit.person_id}:${credit.role}`} aria-label={`${credit.name}, ${credit.role}`} className="flex flex-wrap items-center gap-3 py-2">
                <span className="min-w-0 flex-1">
                  {credit.name} <span className="text-muted">· {ROLE_LABELS[credit.role as CreditRole] ?? credit.role}{credit.character ? ` as ${credit.character}` : ""}</span>
                </span>
                <ActionForm action={editCreditAction} label={`Edit credit ${credit.name}`} className="flex gap-2">
                  <input type="hidden" name="title_id" value={titleId} />
                  <input type="hidden" name="person_id" value={credit.person_id} />
                  <input type="hidden" name="role" value={credit.role} />
                  {sameRole(index - 1) && <SubmitButton variant="secondary" name="op" value="up">Move up</SubmitButton>}
                  {sameRole(index + 1) && <SubmitButton variant="secondary" name="op" value="down">Move down</SubmitButton>}
                  <SubmitButton variant="danger" name="op" value="remove">Remove</SubmitButton>
                </ActionForm>
              </li>
            );
          })}
        </ol>
      )}
      <form role="search" aria-label="Find people" className="flex gap-2 border-t border-white/10 pt-4">
        <input name="people" type="search" defaultValue={search} placeholder="Search people" aria-label="Search people" className="min-w-0 flex-1 rounded-md border border-white/15 bg-surface-sunken px-3 py-1.5 text-sm" />
        <button className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Search</button>
      </form>
      <ActionForm action={addCreditAction} label="Add credit" className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="title_id" value={titleId} />
        <SelectField
          name="person_id"
          label={search ? `Person matching "${search}" (${people.length})` : "Person"}
          options={[{ value: "", label: "Choose…" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Field name="new_person" label="Or a new person" autoComplete="off" />
        <SelectField name="role" label="Role" options={roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        <Field name="character" label="Character (cast only)" autoComplete="off" />
        <SubmitButton variant="secondary" pendingLabel="Adding…" className="sm:col-span-2 justify-self-start">Add credit</SubmitButton>
      </ActionForm>
    </div>
  );
}
