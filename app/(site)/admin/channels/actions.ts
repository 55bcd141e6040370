"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { MATURITY_RATINGS } from "@/lib/catalog/maturity";
import { createChannel, editChannel, removeChannel, setSchedule } from "@/lib/channels/admin";
import { validatedAccountAction } from "@/lib/site/form-action";

// The channel forms. The services check the admin role themselves.

const id = z.guid();
const channelForm = {
  number: z.coerce.number().int("A whole number").min(1, "1 to 9999").max(9999, "1 to 9999"),
  name: z.string().trim().min(1, "Give it a name").max(100),
  kind: z.enum(["linear", "live"]),
  logo_url: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^(https?:\/\/|\/)/.test(v), "An http(s) URL or a path on this site")
    .transform((v) => (v === "" ? null : v)),
  maturity_rating: z
    .enum(["", ...MATURITY_RATINGS], "Choose a rating from the list")
    .transform((v) => (v === "" ? null : v)),
};

// Only on a live channel's form: its port (empty keeps the one it has) and the feed it pulls (empty: listen for a push).
const ingestForm = {
  rtmp_port: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d+$/.test(v) && Number(v) >= 1024 && Number(v) <= 65535), "A port from 1024 to 65535")
    .transform((v) => (v ? Number(v) : undefined)),
  source_url: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .refine((v) => !v || /^(rtmps?|srt|udp|rtsp|https?):\/\/\S+$/.test(v), "An rtmp(s)://, srt://, udp://, rtsp:// or http(s):// URL")
    .transform((v) => (v === undefined ? undefined : v === "" ? null : v)),
};

export const createChannelAction = validatedAccountAction(z.object(channelForm), async (data, principal) => {
  const created = await createChannel(principal, data);
  redirect(`/admin/channels/${created.id}`);
});

export const updateChannelAction = validatedAccountAction(z.object({ id, ...channelForm, ...ingestForm }), async ({ id, ...data }, principal) => {
  await editChannel(principal, id, data);
  revalidatePath(`/admin/channels/${id}`);
  return { success: (await getTranslations("admin.common"))("saved") };
});

export const deleteChannelAction = validatedAccountAction(z.object({ id }), async (data, principal) => {
  await removeChannel(principal, data.id);
  redirect("/admin/channels");
});

const scheduleItems = z.array(z.object({ type: z.enum(["movie", "episode"]), id })).max(500);

export const saveScheduleAction = validatedAccountAction(z.object({ id, items: z.string().max(100_000) }), async (data, principal) => {
  const t = await getTranslations("admin.channelActions");
  const parsed = scheduleItems.safeParse(JSON.parse(data.items || "[]"));
  if (!parsed.success) return { error: t("unreadable") };
  await setSchedule(principal, data.id, parsed.data);
  revalidatePath(`/admin/channels/${data.id}`);
  return { success: t("scheduleSaved") };
});
