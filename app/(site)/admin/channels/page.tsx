import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField } from "@/components/admin/form-bits";
import { requireAdminPage } from "@/lib/admin/page-guard";
import { listAdminChannels } from "@/lib/channels/admin";
import { createChannelAction } from "./actions";
import { KIND_OPTIONS, RATING_OPTIONS } from "./kinds";

export const metadata: Metadata = { title: "Channels" };

export default async function AdminChannelsPage() {
  const principal = await requireAdminPage("/admin/channels");
  const { items } = await listAdminChannels(principal);
  const nextNumber = Math.max(0, ...items.map((c) => c.number)) + 1;
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="channels" className="space-y-4">
        <h1 id="channels" className="text-2xl font-bold">Channels <span className="text-base font-normal text-muted">({items.length})</span></h1>
        {items.length === 0 ? (
          <p className="text-muted">No channels yet. Create one, then give it a schedule of movies and episodes.</p>
        ) : (
          <ul className="divide-y divide-white/10">
            {items.map((c) => (
              <li key={c.id} className="flex items-center gap-3 py-3">
                <span className="w-12 text-right font-mono text-lg">{c.number}</span>
                <span className="flex-1">
                  <Link href={`/admin/channels/${c.id}`} className="font-semibold hover:underline">{c.name}</Link>
                  <span className="block text-sm text-muted">
                    {c.kind} · {c.schedule.length} programme{c.schedule.length === 1 ? "" : "s"}
                    {c.schedule.some((p) => !p.playable) && ` (${c.schedule.filter((p) => !p.playable).length} not ready)`}
                  </span>
                </span>
                <Link href={`/admin/channels/${c.id}`} className="rounded-md bg-white/10 px-3 py-1.5 text-sm hover:bg-white/20">Edit</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-channel">
        <ActionForm action={createChannelAction} label="New channel" className="space-y-3 rounded-lg bg-surface-raised p-4 ring-1 ring-white/10">
          <h2 id="new-channel" className="text-lg font-semibold">New channel</h2>
          <Field name="number" label="Number" type="number" min={1} max={9999} defaultValue={String(nextNumber)} required />
          <Field name="name" label="Name" required />
          <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue="linear" />
          <Field name="logo_url" label="Logo URL" hint="Optional: an image URL or a path on this site" />
          <SelectField name="maturity_rating" label="Maturity rating" options={RATING_OPTIONS} defaultValue="" />
          <SubmitButton variant="secondary" pendingLabel="Creating…">Create channel</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
