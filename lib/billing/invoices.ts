import "server-only";
import { listBillingInvoices } from "@/db/queries/billing";
import type { BillingInvoice } from "@/db/schema";

export type InvoiceView = {
  id: string;
  number: string | null;
  status: string;
  description: string | null;
  currency: string;
  amount_due: number;
  amount_paid: number;
  total: number;
  period_start: string | null;
  period_end: string | null;
  created_at: string;
  hosted_invoice_url: string | null;
  invoice_pdf: string | null;
  purchase_id: string | null;
};

const toView = (row: BillingInvoice): InvoiceView => ({
  id: row.id,
  number: row.number,
  status: row.status,
  description: row.description,
  currency: row.currency,
  amount_due: row.amountDue,
  amount_paid: row.amountPaid,
  total: row.total,
  period_start: row.periodStart?.toISOString() ?? null,
  period_end: row.periodEnd?.toISOString() ?? null,
  created_at: new Date(row.stripeCreated * 1000).toISOString(),
  hosted_invoice_url: row.hostedInvoiceUrl,
  invoice_pdf: row.invoicePdf,
  purchase_id: row.purchaseId,
});

/**
 * Billing history, newest first: Stripe invoices as stored from webhooks and Checkout returns, and the receipts of
 * rentals and purchases (the local provider records those at the offer's price, charging nothing).
 */
export async function listInvoices(accountId: string, page: { limit: number; offset: number } = { limit: 20, offset: 0 }) {
  const { rows, total } = await listBillingInvoices(accountId, page);
  return { items: rows.map(toView), total, limit: page.limit, offset: page.offset };
}
