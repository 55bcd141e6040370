"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/site/time-zone";

/**
 * Tells the server this browser's time zone (a cookie read by pages that show days and hours), and renders the page
 * again when the zone it used was not this one.
 */
export function TimeZoneCookie({ used }: { used: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === used) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [used, router]);
  return null;
}
