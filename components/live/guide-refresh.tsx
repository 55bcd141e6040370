"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the guide (now line, progress, what is on) every `seconds`, keeping the scroll position. */
export function GuideRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), seconds * 1000);
    return () => window.clearInterval(timer);
  }, [router, seconds]);
  return null;
}
