import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/api/internal-headers";

/** The client's IP for server actions, as server.ts determined it (TRUST_PROXY-aware). */
export async function clientIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
}

/** The client's IP and user agent, for the security log. */
export async function clientDevice(): Promise<{ ip: string; userAgent?: string }> {
  const requestHeaders = await headers();
  return { ip: requestHeaders.get(CLIENT_IP_HEADER) ?? "unknown", userAgent: requestHeaders.get("user-agent") ?? undefined };
}
