"use client";

import "./globals.css";

// A failure in the root layout itself, where no site page can render: a self-contained page with a way back.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <main className="mx-auto max-w-lg px-4 py-24 text-center">
          <p className="text-2xl font-black tracking-tight text-brand">NORMFLIX</p>
          <h1 className="mt-6 text-3xl font-semibold">Something went wrong</h1>
          <p className="mt-3 text-muted">
            NormFlix could not show this page. Please try again in a moment.
            {error.digest && <span className="mt-2 block text-xs">Reference: {error.digest}</span>}
          </p>
          <div className="mt-8 flex justify-center gap-3">
            <button type="button" onClick={reset} className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-strong">
              Try again
            </button>
            {/* The root layout failed: a full page load is the way back, not a client-side navigation. */}
            <a href="/" className="rounded-md px-5 py-2.5 font-semibold ring-1 ring-white/30 hover:bg-white/10">
              Home
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
