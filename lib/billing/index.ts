// The billing services the site and the API call. Server-only.
export { BILLED, CANCEL_REASONS, INTERVALS, listPlans, PLANS, PLAN_IDS, type BillingInterval, type Plan, type PlanId } from "./plans";
export { plansForSale } from "./plan-prices";
export {
  activePlan,
  cancelSubscription,
  cancelSubscriptionWith,
  changePlan,
  describeSubscription,
  getSubscription,
  pauseSubscription,
  previewPlanChange,
  resumeSubscription,
  resumeSubscriptionNow,
  type SubscriptionView,
} from "./subscriptions";
export { openCustomerPortal, reconcileCheckout, startCheckout } from "./checkout";
export { listInvoices, type InvoiceView } from "./invoices";
export { billingProvider } from "./provider";
export type { ChangePreview } from "./preview";
export { updateCustomerEmail } from "./stripe/customers";
