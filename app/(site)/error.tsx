"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

// An unexpected failure inside a site page: say so plainly and offer a retry; details stay in the server log.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-3xl font-semibold">{t("heading")}</h1>
      <p className="mt-3 text-muted">
        {t("text")}
        {error.digest && <span className="mt-2 block text-xs">{t("reference", { digest: error.digest })}</span>}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white hover:bg-brand-strong">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md px-5 py-2.5 font-semibold ring-1 ring-white/30 hover:bg-white/10">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
