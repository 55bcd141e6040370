import Link from "next/link";
import type { InvoiceView } from "@/lib/billing/invoices";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";

const STATUSES = new Set(["paid", "open", "draft", "void", "uncollectible", "refunded"]);

/** The account's invoices, newest first, each linking to Stripe's hosted invoice and PDF when there is one. */
export async function BillingHistory({
  invoices,
  total,
  page,
  pageSize,
}: {
  invoices: InvoiceView[];
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}) {
  const [f, t] = await Promise.all([getFormat(), getTranslations("account.invoices")]);
  if (total === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-normal">{t("date")}</th>
              <th scope="col" className="py-2 pr-3 font-normal">{t("description")}</th>
              <th scope="col" className="py-2 pr-3 text-right font-normal">{t("amount")}</th>
              <th scope="col" className="py-2 pr-3 font-normal">{t("statusHeading")}</th>
              <th scope="col" className="py-2 font-normal">
                <span className="sr-only">{t("invoice")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => {
              const date = f.date(invoice.created_at);
              const amount = invoice.status === "paid" ? invoice.amount_paid : invoice.total;
              return (
                <tr key={invoice.id} className="border-t border-white/10">
                  <td className="whitespace-nowrap py-3 pr-3">{date}</td>
                  <td className="py-3 pr-3">
                    {invoice.description ?? t("membership")}
                    {invoice.period_start && invoice.period_end && (
                      <span className="block text-xs text-muted">
                        {f.date(invoice.period_start)} – {f.date(invoice.period_end)}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-3 pr-3 text-right tabular-nums">{f.price({ price_cents: amount, currency: invoice.currency })}</td>
                  <td className="py-3 pr-3">{STATUSES.has(invoice.status) ? t(`status.${invoice.status as "paid"}`) : invoice.status}</td>
                  <td className="whitespace-nowrap py-3">
                    {invoice.hosted_invoice_url && (
                      <a href={invoice.hosted_invoice_url} target="_blank" rel="noopener noreferrer" className="underline underline-offset-4 hover:text-white" aria-label={invoice.number ? t("viewLabelNumber", { date, number: invoice.number }) : t("viewLabel", { date })}>
                        {t("view")}
                      </a>
                    )}
                    {invoice.invoice_pdf && (
                      <a href={invoice.invoice_pdf} target="_blank" rel="noopener noreferrer" className="ml-3 underline underline-offset-4 hover:text-white" aria-label={t("pdfLabel", { date })}>
                        PDF
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={`/account?invoices=${page - 1}#billing`} className="underline underline-offset-4 hover:text-white">
              {t("newer")}
            </Link>
          )}
          <span className="text-muted">
            {t("page", { page, pages })}
          </span>
          {page < pages && (
            <Link href={`/account?invoices=${page + 1}#billing`} className="underline underline-offset-4 hover:text-white">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
