import type { MetadataRoute } from "next";

// Installable as an app: opens on the signed-in home, full screen like the player, in the site's colours.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "NormFlix",
    short_name: "NormFlix",
    description: "Movies and shows, streamed from your own server.",
    id: "/",
    start_url: "/browse",
    scope: "/",
    display: "standalone",
    background_color: "#141414",
    theme_color: "#141414",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
