import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NormFlix", template: "%s · NormFlix" },
  description: "Movies and shows, streamed from your own server.",
};

export const viewport: Viewport = { themeColor: "#141414", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: Next puts the request's CSP nonce (proxy.ts) on its scripts, which a page prerendered at
  // build time could not carry.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
