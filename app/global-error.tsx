"use client";

import "./globals.css";
import SiteError from "./(site)/error";

// A failure in the root layout itself: the site's error page, in a document of its own.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <SiteError {...props} />
      </body>
    </html>
  );
}
