import "server-only";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { getAdminTitle, savePerson, setCredits } from "./catalog";

// One edit at a time to a title's cast and crew, for the admin page's forms (the API replaces the whole list).
// Credits are shown grouped by role in billing order, so moving one swaps it with its neighbour in the same role.

export type CreditRole = "cast" | "director" | "creator";
type Key = { person_id: string; role: CreditRole };
type Credit = Key & { character: string | null };

export type CreditEdit =
  | { op: "add"; person: { id: string } | { name: string }; role: CreditRole; character: string | null }
  | { op: "up" | "down" | "remove"; credit: Key };

function indexOf(list: Credit[], key: Key) {
  const index = list.findIndex((c) => c.person_id === key.person_id && c.role === key.role);
  if (index < 0) throw new ApiError("not_found", "That credit is no longer on this title; reload the page.");
  return index;
}

function swapWithNeighbour(list: Credit[], index: number, step: -1 | 1) {
  let other = index + step;
  while (list[other] && list[other].role !== list[index].role) other += step;
  if (!list[other]) return list;
  const moved = [...list];
  [moved[index], moved[other]] = [moved[other], moved[index]];
  return moved;
}

/** Applies one edit and saves the list; returns the credit's person name for the form's message. */
export async function editCredits(principal: Principal | undefined, titleId: string, edit: CreditEdit): Promise<string> {
  const title = await getAdminTitle(principal, titleId);
  const list: Credit[] = title.credits.map((c) => ({ person_id: c.person_id, role: c.role as CreditRole, character: c.character }));
  if (edit.op === "add") {
    const person = "id" in edit.person ? edit.person : await savePerson(principal, undefined, { name: edit.person.name, bio: null });
    const saved = await setCredits(principal, titleId, [...list, { person_id: person.id, role: edit.role, character: edit.role === "cast" ? edit.character : null }]);
    return saved.credits.find((c) => c.person_id === person.id)!.name;
  }
  const index = indexOf(list, edit.credit);
  const name = title.credits[index].name;
  const next = edit.op === "remove" ? list.filter((_, i) => i !== index) : swapWithNeighbour(list, index, edit.op === "up" ? -1 : 1);
  await setCredits(principal, titleId, next);
  return name;
}
