import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/not-found-message";

// A title the profile may not see (above its rating, or in a genre its kids controls block) answers as an unknown id
// does, and names nothing: not in the heading, the tab's title or the link previews.
export const metadata: Metadata = { title: "Not available on this profile", openGraph: null, twitter: null };

export default function TitleNotFound() {
  return (
    <NotFoundMessage heading="Not available on this profile">
      This title is not available on this profile, or it no longer exists. There is plenty more to watch.
    </NotFoundMessage>
  );
}
