// GET|POST /auth/* – next-auth's own endpoints (session, csrf, sign-out); outside /api, which is the JSON API.
import { handlers } from "@/lib/site/auth";

export const { GET, POST } = handlers;
