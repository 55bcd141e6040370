// While the stream starts (and the boundary where link prefetching stops: a prefetch never takes a stream). The
// boundary sits under each watch route's layout, which checks the id first: an unknown one is answered 404 before
// anything streams.
import { getTranslations } from "next-intl/server";

export async function WatchLoading() {
  const t = await getTranslations("player");
  return (
    <div className="fixed inset-0 flex items-center justify-center bg-black" aria-label={t("loading")}>
      <div className="size-14 animate-spin rounded-full border-4 border-white/20 border-t-brand" />
    </div>
  );
}
