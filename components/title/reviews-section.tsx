import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/admin/form-bits";
import { TextAreaField } from "@/components/forms/text-area-field";
import { ActionForm } from "@/components/forms/action-form";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteReviewAction, helpfulAction, writeReviewAction } from "@/app/(site)/title/review-actions";
import type { Viewer } from "@/lib/access/rules";
import { getOwnReview, titleReviews, type TitleKind } from "@/lib/reviews/reviews";
import { getFormat } from "@/lib/i18n/server";

const PAGE = 10;

function Stars({ stars, label }: { stars: number; label: string }) {
  return (
    <span role="img" aria-label={label} className="text-amber-300">
      {"★".repeat(stars)}
      <span className="text-neutral-600">{"☆".repeat(5 - stars)}</span>
    </span>
  );
}

/**
 * A title page's reviews: the average and count, the profile's own review (write, change, delete), and the others,
 * newest or most helpful first, `PAGE` at a time. The same services as the reviews API.
 */
export async function ReviewsSection({ kind, id, viewer, sort, page }: { kind: TitleKind; id: string; viewer: Viewer; sort: "newest" | "helpful"; page: number }) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("reviews")]);
  const starOptions = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${"★".repeat(n)}${"☆".repeat(5 - n)} (${n})` }));
  const stars = (n: number) => <Stars stars={n} label={t("stars", { stars: n })} />;
  const [{ review: mine }, list] = await Promise.all([getOwnReview(viewer, kind, id), titleReviews(viewer, kind, id, { sort, limit: PAGE, offset: (page - 1) * PAGE })]);
  const others = list.items.filter((review) => !review.yours);
  const pages = Math.max(1, Math.ceil(list.total / PAGE));
  const link = (next: { sort?: string; page?: number }) => `?reviews=${next.sort ?? sort}&reviews_page=${next.page ?? 1}#reviews`;
  return (
    <section aria-labelledby="reviews" className="mt-10 max-w-5xl space-y-6 px-4 sm:px-8">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="reviews" className="text-xl font-semibold">
          {t("heading")}
        </h2>
        {list.count > 0 ? (
          <p className="text-sm text-neutral-300">
            {stars(Math.round(list.average_stars ?? 0))} {t("average", { average: list.average_stars ?? 0, count: list.count })}
          </p>
        ) : (
          <p className="text-sm text-muted">{t("none")}</p>
        )}
        <nav aria-label={t("order")} className="ml-auto flex gap-2 text-sm">
          {(["newest", "helpful"] as const).map((value) => (
            <Link key={value} href={link({ sort: value })} aria-current={value === sort ? "page" : undefined} className="rounded-md px-3 py-1 ring-1 ring-white/20 aria-[current=page]:bg-white/15">
              {value === "newest" ? t("newest") : t("mostHelpful")}
            </Link>
          ))}
        </nav>
      </div>

      <div className="rounded-lg bg-surface-raised p-5 ring-1 ring-white/10">
        <h3 className="font-medium">{mine ? t("yours") : t("write")}</h3>
        {mine?.hidden && <p className="mt-1 text-sm text-amber-300">{t("hidden")}</p>}
        <ActionForm action={writeReviewAction} className="mt-3 max-w-xl space-y-3" label={mine ? t("yours") : t("write")}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <SelectField name="stars" label={t("starsLabel")} options={starOptions} defaultValue={String(mine?.stars ?? 5)} />
          <Field name="title" label={t("headline")} maxLength={100} defaultValue={mine?.title ?? ""} />
          <TextAreaField rows={4} name="text" label={t("text")} defaultValue={mine?.text ?? ""} />
          <SubmitButton pendingLabel={t("saving")}>{mine ? t("save") : t("post")}</SubmitButton>
        </ActionForm>
        {mine && (
          <ActionForm action={deleteReviewAction} className="mt-3" label={t("deleteLabel")}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="danger" pendingLabel={t("deleting")}>
              {t("delete")}
            </SubmitButton>
          </ActionForm>
        )}
      </div>

      {others.length > 0 && (
        <ol className="space-y-4">
          {others.map((review) => (
            <li key={review.id} className="rounded-lg bg-surface-raised p-5 ring-1 ring-white/10">
              <article aria-label={t("by", { profile: review.profile })}>
                <p className="flex flex-wrap items-center gap-3 text-sm">
                  {stars(review.stars)}
                  <span className="font-medium">{review.profile}</span>
                  <span className="text-muted">{f.date(review.created_at)}</span>
                </p>
                {review.title && <h3 className="mt-2 font-semibold">{review.title}</h3>}
                {review.text && <p className="mt-1 whitespace-pre-line text-neutral-200">{review.text}</p>}
                <ActionForm action={helpfulAction} className="mt-3 flex items-center gap-3 text-sm" label={t("helpfulLabel", { profile: review.profile })}>
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="id" value={id} />
                  <input type="hidden" name="review_id" value={review.id} />
                  <input type="hidden" name="helpful" value={String(!review.marked_helpful)} />
                  <SubmitButton variant="secondary" pendingLabel="…">
                    {review.marked_helpful ? t("helpfulOn") : t("helpful")}
                  </SubmitButton>
                  <span className="text-muted">{t("foundHelpful", { count: review.helpful_count })}</span>
                </ActionForm>
              </article>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex gap-3 text-sm">
          {page > 1 && <Link href={link({ page: page - 1 })}>{t("newer")}</Link>}
          <span className="text-muted">
            {t("page", { page, pages })}
          </span>
          {page < pages && <Link href={link({ page: page + 1 })}>{t("more")}</Link>}
        </nav>
      )}
    </section>
  );
}

/** The review sort and page from the title page's query string. */
export function reviewsPageOf(query: { reviews?: string | string[]; reviews_page?: string | string[] }) {
  const sort: "newest" | "helpful" = query.reviews === "helpful" ? "helpful" : "newest";
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(query.reviews_page)) || 1));
  return { sort, page };
}
