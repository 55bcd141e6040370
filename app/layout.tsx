import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NormFlix", template: "%s · NormFlix" },
  description: "Movies and shows, streamed from your own server.",
};

export const viewport: Viewport = { themeColor: "#141414", colorScheme: "dark" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
