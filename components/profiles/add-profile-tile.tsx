import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The "+" tile beside the profiles, leading to "Add profile". */
export async function AddProfileTile() {
  const t = await getTranslations("profiles");
  return (
    <Link href="/profiles/new" className="group flex w-28 flex-col items-center gap-3 rounded-lg p-1 text-neutral-400 hover:text-white sm:w-36 3xl:w-44">
      <span aria-hidden="true" className="grid size-28 place-items-center rounded-lg text-6xl ring-2 ring-neutral-600 group-hover:bg-white/10 group-hover:ring-white sm:size-32 3xl:size-40">
        +
      </span>
      <span className="text-base sm:text-lg">{t("add")}</span>
    </Link>
  );
}
