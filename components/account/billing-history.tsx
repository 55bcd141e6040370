import Link from "next/link";
import type { InvoiceView } from "@/lib/billing/invoices";
import { getFormat } from "@/lib/i18n/server";

const STATUS: Record<string, string> = {
  paid: "Paid",
  open: "Due",
  draft: "Draft",
  void: "Void",
  uncollectible: "Unpaid",
  refunded: "Refunded",
};

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
  const f = await getFormat();
  if (total === 0) return <p className="text-sm text-muted">No charges yet.</p>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Invoices, newest first</caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-normal">Date</th>
              <th scope="col" className="py-2 pr-3 font-normal">Description</th>
              <th scope="col" className="py-2 pr-3 text-right font-normal">Amount</th>
              <th scope="col" className="py-2 pr-3 font-normal">Status</th>
              <th scope="col" className="py-2 font-normal">
                <span className="sr-only">Invoice</span>
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
                    {invoice.description ?? "NormFlix membership"}
                    {invoice.period_start && invoice.period_end && (
                      <span className="block text-xs text-muted">
                        {f.date(invoice.period_start)} – {f.date(invoice.period_end)}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap py-3 pr-3 text-right tabular-nums">{f.price({ price_cents: amount, currency: invoice.currency })}</td>
                  <td className="py-3 pr-3">{STATUS[invoice.status] ?? invoice.status}</td>
                  <td className="whitespace-nowrap py-3">
                    {invoice.hosted_invoice_url && (
                      <a href={invoice.hosted_invoice_url} target="_blank" rel="noopener noreferrer" className="underline underline-offset-4 hover:text-white" aria-label={`View invoice of ${date}${invoice.number ? ` (${invoice.number})` : ""}`}>
                        View
                      </a>
                    )}
                    {invoice.invoice_pdf && (
                      <a href={invoice.invoice_pdf} target="_blank" rel="noopener noreferrer" className="ml-3 underline underline-offset-4 hover:text-white" aria-label={`Download PDF of the invoice of ${date}`}>
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
        <nav aria-label="Billing history pages" className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={`/account?invoices=${page - 1}#billing`} className="underline underline-offset-4 hover:text-white">
              Newer
            </Link>
          )}
          <span className="text-muted">
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={`/account?invoices=${page + 1}#billing`} className="underline underline-offset-4 hover:text-white">
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
