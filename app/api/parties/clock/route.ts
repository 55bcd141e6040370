// GET /api/parties/clock – the server's clock, for the party players' offset estimate
import { withApi } from "@/lib/api/with-api";
import { serverTime } from "@/lib/parties/events";
import { partyClockEndpoint } from "../schema";

export const dynamic = "force-dynamic";

export const GET = withApi(partyClockEndpoint, async () => serverTime());
