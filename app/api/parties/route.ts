// POST /api/parties – start a watch party
import { withApi } from "@/lib/api/with-api";
import { createParty } from "@/lib/parties/parties";
import { createPartyEndpoint } from "./schema";

export const POST = withApi(createPartyEndpoint, ({ viewer, body, userAgent, ip }) =>
  createParty(
    viewer,
    {
      item: body.type === "movie" ? { kind: "movie", movieId: body.id! } : { kind: "episode", showId: body.tv_show_id!, season: body.season!, episode: body.episode! },
      maxMembers: body.max_members,
      waitForEveryone: body.wait_for_everyone,
    },
    { userAgent, ip },
  ),
);
