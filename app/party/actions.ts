"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { formMessage, userMessage } from "@/lib/i18n/errors";
import { createParty } from "@/lib/parties/parties";
import { requireViewer } from "@/lib/site/session";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";

// "Watch together" on a title page or in the player: the viewer's profile hosts a new party, then lands in it.

export type StartPartyResult = { error: string } | undefined;

const input = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("movie"), movie_id: z.uuid() }),
  z.object({ kind: z.literal("episode"), show_id: z.uuid(), season: z.coerce.number().int().min(0).max(10_000), episode: z.coerce.number().int().min(0).max(10_000) }),
]);

export async function startParty(_previous: StartPartyResult, form: FormData): Promise<StartPartyResult> {
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: await formMessage("invalidRequest") };
  const item = parsed.data;
  const viewer = await requireViewer(item.kind === "movie" ? `/title/movie/${item.movie_id}` : `/title/show/${item.show_id}`);
  const request = await headers();
  let code: string;
  try {
    const party = await createParty(
      viewer,
      { item: item.kind === "movie" ? { kind: "movie", movieId: item.movie_id } : { kind: "episode", showId: item.show_id, season: item.season, episode: item.episode } },
      { userAgent: request.get("user-agent") ?? undefined, ip: request.get(CLIENT_IP_HEADER) ?? undefined },
    );
    code = party.code;
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: await userMessage(error) };
    throw error;
  }
  redirect(`/party/${code}`);
}
