"use client";

import { NextIntlClientProvider } from "next-intl";
import "./globals.css";
import SiteError from "./(site)/error";

// A failure in the root layout itself, where the request's language is unknown: the site's error page in English, in
// a document of its own.
const messages = {
  error: {
    heading: "Something went wrong",
    text: "NormFlix could not show this page. Please try again in a moment.",
    reference: "Reference: {digest}",
    retry: "Try again",
    home: "Home",
  },
};

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <NextIntlClientProvider locale="en" messages={messages}>
          <SiteError {...props} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
