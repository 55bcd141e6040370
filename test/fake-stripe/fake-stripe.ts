// A small in-memory stand-in for the Stripe API endpoints NormFlix calls, for tests (Stripe itself is unreachable
// here). The app's real `stripe` client talks to it over HTTP (STRIPE_API_BASE); tests drive what a customer or time
// would do (pay at Checkout, reach the end of a period, a declined renewal) and deliver the events it records to the
// app's webhook, signed by the real library. Objects have the fields of the API version stripe-node pins.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { parseForm } from "./form";

type Obj = Record<string, any>;
export type FakeEvent = { id: string; object: "event"; type: string; created: number; data: { object: Obj; previous_attributes?: Obj } } & Obj;
type Route = { method: string; pattern: RegExp; handle: (params: Obj, match: string[]) => Obj | Promise<Obj> };
type Request = { method: string; path: string; params: Obj; idempotencyKey?: string };

const DAY = 86_400;
const PERIOD = 30 * DAY;
const YEAR = 365 * DAY;
/** The length of one billing period of a price (the fake's months are 30 days, its years 365). */
const periodOf = (price: Obj) => (price.recurring.interval === "year" ? YEAR : PERIOD) * price.recurring.interval_count;
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** An amount less a coupon's discount. */
const lessCoupon = (amount: number, coupon: Obj | undefined) =>
  !coupon ? amount : coupon.percent_off !== null ? Math.round((amount * (100 - coupon.percent_off)) / 100) : Math.max(0, amount - coupon.amount_off);

class StripeFailure extends Error {
  constructor(readonly status: number, readonly error: Obj) {
    super(error.message);
  }
}

const missing = (kind: string, id: string) =>
  new StripeFailure(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param: "id" });
const invalid = (message: string, param?: string) => new StripeFailure(400, { type: "invalid_request_error", message, param });

export class FakeStripe {
  url = "";
  readonly customers = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly schedules = new Map<string, Obj>();
  readonly checkoutSessions = new Map<string, Obj>();
  readonly paymentMethods = new Map<string, Obj>();
  readonly paymentIntents = new Map<string, Obj>();
  readonly charges = new Map<string, Obj>();
  readonly coupons = new Map<string, Obj>();
  readonly promotionCodes = new Map<string, Obj>();
  readonly discounts = new Map<string, Obj>();
  readonly events: FakeEvent[] = [];
  readonly requests: Request[] = [];
  /** Added to customer creation so that concurrent requests really overlap. */
  customerCreateDelayMs = 0;
  private readonly declining = new Set<string>();
  private readonly idempotent = new Map<string, { status: number; body: Obj } | "in_flight">();
  private readonly server = http.createServer((req, res) => void this.serve(req, res));
  private seq = 0;

  /** `prices`: price id → monthly amount in cents, or the amount and interval of a yearly (or monthly) price. */
  constructor(private readonly prices: Record<string, number | { amount: number; interval: "month" | "year" }>, private readonly secretKey = "sk_test_fake") {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  // ---- what the Dashboard makes ---------------------------------------------------------------------------------

  /** A coupon and a customer-facing promotion code for it, as made in the Dashboard. */
  addPromotionCode(
    code: string,
    coupon: { percent_off?: number; amount_off?: number; duration: "once" | "repeating" | "forever"; duration_in_months?: number },
    limits: { max_redemptions?: number; expires_at?: number } = {},
  ): Obj {
    const made: Obj = {
      id: this.id("coupon"),
      object: "coupon",
      amount_off: coupon.amount_off ?? null,
      percent_off: coupon.percent_off ?? null,
      currency: coupon.amount_off ? "usd" : null,
      duration: coupon.duration,
      duration_in_months: coupon.duration_in_months ?? null,
      max_redemptions: null,
      redeem_by: null,
      times_redeemed: 0,
      valid: true,
      created: nowSeconds(),
      livemode: false,
    };
    this.coupons.set(made.id, made);
    const promotion: Obj = {
      id: this.id("promo"),
      object: "promotion_code",
      active: true,
      code,
      promotion: { type: "coupon", coupon: made.id },
      max_redemptions: limits.max_redemptions ?? null,
      expires_at: limits.expires_at ?? null,
      times_redeemed: 0,
      created: nowSeconds(),
      livemode: false,
    };
    this.promotionCodes.set(promotion.id, promotion);
    return promotion;
  }

  // ---- what customers and time do -------------------------------------------------------------------------------

  /** The customer pays at Checkout: card saved, subscription created (its period may start in the past). */
  completeCheckout(sessionId: string, options: { startedAt?: number; promotionCode?: string } = {}): Obj {
    const session = this.get(this.checkoutSessions, "checkout session", sessionId);
    if (session.status !== "open") throw new Error(`checkout session ${sessionId} is ${session.status}`);
    // As Stripe does: the card is attached to the customer and becomes the subscription's default (not the customer's).
    const card = this.attachCard(session.customer, { brand: "visa", last4: "4242" });
    // A code the customer typed at Checkout (allowed by allow_promotion_codes), or the one the session was made with.
    let promotion = session.__discounts?.[0]?.promotion_code as string | undefined;
    if (options.promotionCode) {
      if (!session.allow_promotion_codes) throw new Error(`checkout session ${sessionId} does not take promotion codes`);
      promotion = [...this.promotionCodes.values()].find((code) => code.code === options.promotionCode)?.id;
      if (!promotion) throw new Error(`no promotion code ${options.promotionCode}`);
    }
    const subscription = this.createSubscription(session.customer, session.__price, session.subscription_data_metadata ?? {}, options.startedAt, promotion);
    subscription.default_payment_method = card.id;
    Object.assign(session, { status: "complete", payment_status: "paid", subscription: subscription.id });
    this.emit("checkout.session.completed", session);
    return subscription;
  }

  /** The customer saves a card at a setup-mode Checkout: attached to the customer (not made its default, as Stripe). */
  completeSetup(sessionId: string, card: { brand: string; last4: string; exp_month?: number; exp_year?: number } = { brand: "mastercard", last4: "4444" }): Obj {
    const session = this.get(this.checkoutSessions, "checkout session", sessionId);
    if (session.mode !== "setup" || session.status !== "open") throw new Error(`checkout session ${sessionId} is not an open setup session`);
    const method = this.attachCard(session.customer, card);
    Object.assign(session, { status: "complete", setup_intent: this.id("seti") });
    this.emit("checkout.session.completed", session);
    return method;
  }

  /** A card attached to the customer (payment_method.attached). */
  private attachCard(customer: string, card: { brand: string; last4: string; exp_month?: number; exp_year?: number }): Obj {
    const method = {
      id: this.id("pm"),
      object: "payment_method",
      type: "card",
      customer,
      created: nowSeconds(),
      card: { brand: card.brand, last4: card.last4, exp_month: card.exp_month ?? 12, exp_year: card.exp_year ?? new Date().getUTCFullYear() + 3 },
      livemode: false,
    };
    this.paymentMethods.set(method.id, method);
    this.emit("payment_method.attached", method);
    return method;
  }

  /**
   * The customer pays a payment-mode Checkout (a rental or purchase): a succeeded payment intent and its charge.
   * `pending`: an asynchronous method (a bank debit) that has not settled: complete, but `payment_status` unpaid.
   */
  payCheckout(sessionId: string, options: { pending?: boolean } = {}): { session: Obj; paymentIntent: Obj; charge: Obj } {
    const session = this.get(this.checkoutSessions, "checkout session", sessionId);
    if (session.mode !== "payment" || session.status !== "open") throw new Error(`checkout session ${sessionId} is not an open payment session`);
    const paymentIntent: Obj = {
      id: this.id("pi"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: options.pending ? 0 : session.amount_total,
      currency: session.currency,
      customer: session.customer,
      metadata: session.__payment_intent_metadata ?? {},
      status: options.pending ? "processing" : "succeeded",
      latest_charge: null,
      created: nowSeconds(),
      livemode: false,
    };
    const charge: Obj = {
      id: this.id("ch"),
      object: "charge",
      amount: session.amount_total,
      amount_refunded: 0,
      refunded: false,
      captured: true,
      paid: !options.pending,
      status: options.pending ? "pending" : "succeeded",
      currency: session.currency,
      customer: session.customer,
      payment_intent: paymentIntent.id,
      receipt_url: `${this.url}/receipts/${paymentIntent.id}`,
      created: nowSeconds(),
      livemode: false,
    };
    paymentIntent.latest_charge = charge.id;
    this.paymentIntents.set(paymentIntent.id, paymentIntent);
    this.charges.set(charge.id, charge);
    Object.assign(session, { status: "complete", payment_status: options.pending ? "unpaid" : "paid", payment_intent: paymentIntent.id });
    this.emit("checkout.session.completed", session);
    return { session, paymentIntent, charge };
  }

  /** The whole charge is refunded (from the Dashboard, or by the API's POST /v1/refunds). */
  refundCharge(chargeId: string, amount?: number): Obj {
    const charge = this.get(this.charges, "charge", chargeId);
    const refund = { id: this.id("re"), object: "refund", amount: amount ?? charge.amount - charge.amount_refunded, charge: charge.id, payment_intent: charge.payment_intent, status: "succeeded", created: nowSeconds() };
    charge.amount_refunded += refund.amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    this.emit("charge.refunded", charge);
    return refund;
  }

  /** Every later charge to this customer's card is declined. */
  declineCards(customerId: string, declining = true) {
    if (declining) this.declining.add(customerId);
    else this.declining.delete(customerId);
  }

  /** Time reaches the end of the subscription's period: it ends, or renews (on a scheduled price if there is one). */
  reachPeriodEnd(subscriptionId: string): Obj {
    const sub = this.get(this.subscriptions, "subscription", subscriptionId);
    const item = sub.items.data[0];
    const at = item.current_period_end;
    const previous = structuredClone(sub);
    if (sub.cancel_at_period_end) {
      Object.assign(sub, { status: "canceled", ended_at: at, canceled_at: sub.canceled_at ?? at });
      this.emit("customer.subscription.deleted", sub);
      return sub;
    }
    const schedule = sub.schedule ? this.schedules.get(sub.schedule) : undefined;
    if (schedule) {
      const next = schedule.phases.find((phase: Obj) => phase.start_date >= at);
      if (next) {
        item.price = this.price(next.items[0].price);
        schedule.current_phase = { start_date: next.start_date, end_date: next.end_date };
        this.emit("subscription_schedule.updated", schedule);
      } else {
        this.releaseSchedule(schedule, at);
      }
    }
    Object.assign(item, { current_period_start: at, current_period_end: at + periodOf(item.price) });
    const invoice = this.invoice(sub, "subscription_cycle", item.price.unit_amount, at);
    this.charge(sub, invoice, at);
    this.emit("customer.subscription.updated", sub, changed(previous, sub));
    return sub;
  }

  /** Time reaches a paused subscription's `pause_collection.resumes_at`: Stripe clears the pause by itself. */
  reachPauseEnd(subscriptionId: string): Obj {
    const sub = this.get(this.subscriptions, "subscription", subscriptionId);
    if (!sub.pause_collection) throw new Error(`subscription ${subscriptionId} is not paused`);
    const previous = structuredClone(sub);
    sub.pause_collection = null;
    this.emit("customer.subscription.updated", sub, changed(previous, sub));
    return sub;
  }

  /** Events recorded after `index` (the length of `events` at some earlier moment). */
  eventsSince(index: number, type?: string): FakeEvent[] {
    return this.events.slice(index).filter((event) => !type || event.type === type);
  }

  /** The object is gone from Stripe (deleted, or test data cleared): reading it answers 404 `resource_missing`. */
  forget(id: string): void {
    for (const store of [this.customers, this.subscriptions, this.invoices, this.schedules, this.checkoutSessions, this.paymentMethods, this.paymentIntents, this.charges]) {
      store.delete(id);
    }
  }

  customersOfAccount(accountId: string): Obj[] {
    return [...this.customers.values()].filter((customer) => customer.metadata.account_id === accountId);
  }

  // ---- the HTTP API ---------------------------------------------------------------------------------------------

  private readonly routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/customers$/, handle: (p) => this.createCustomer(p) },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)\/payment_methods$/, handle: (p, [id]) => this.listPaymentMethods(id, p) },
    { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handle: (_, [id]) => this.get(this.paymentMethods, "payment method", id) },
    { method: "POST", pattern: /^\/v1\/payment_methods\/([^/]+)\/detach$/, handle: (_, [id]) => this.detachPaymentMethod(id) },
    { method: "GET", pattern: /^\/v1\/customers\/([^/]+)$/, handle: (_, [id]) => this.get(this.customers, "customer", id) },
    { method: "POST", pattern: /^\/v1\/customers\/([^/]+)$/, handle: (p, [id]) => this.updateCustomer(id, p) },
    { method: "POST", pattern: /^\/v1\/checkout\/sessions$/, handle: (p) => this.createCheckoutSession(p) },
    { method: "GET", pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/, handle: (_, [id]) => this.get(this.checkoutSessions, "checkout.session", id) },
    { method: "POST", pattern: /^\/v1\/billing_portal\/sessions$/, handle: (p) => this.createPortalSession(p) },
    { method: "POST", pattern: /^\/v1\/subscriptions$/, handle: (p) => this.createSubscriptionFromApi(p) },
    { method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (_, [id]) => this.get(this.subscriptions, "subscription", id) },
    { method: "POST", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (p, [id]) => this.updateSubscription(id, p) },
    { method: "DELETE", pattern: /^\/v1\/subscriptions\/([^/]+)$/, handle: (p, [id]) => this.cancelSubscriptionNow(id, p) },
    { method: "POST", pattern: /^\/v1\/subscription_schedules$/, handle: (p) => this.createSchedule(p) },
    { method: "GET", pattern: /^\/v1\/subscription_schedules\/([^/]+)$/, handle: (_, [id]) => this.get(this.schedules, "subscription schedule", id) },
    { method: "POST", pattern: /^\/v1\/subscription_schedules\/([^/]+)\/release$/, handle: (_, [id]) => this.releaseSchedule(this.get(this.schedules, "subscription schedule", id)) },
    { method: "POST", pattern: /^\/v1\/subscription_schedules\/([^/]+)$/, handle: (p, [id]) => this.updateSchedule(id, p) },
    { method: "GET", pattern: /^\/v1\/prices\/([^/]+)$/, handle: (_, [id]) => this.price(id) },
    { method: "GET", pattern: /^\/v1\/promotion_codes$/, handle: (p) => this.listPromotionCodes(p) },
    { method: "POST", pattern: /^\/v1\/invoices\/create_preview$/, handle: (p) => this.previewInvoice(p) },
    { method: "GET", pattern: /^\/v1\/invoices\/([^/]+)$/, handle: (_, [id]) => this.get(this.invoices, "invoice", id) },
    { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: (_, [id]) => this.get(this.paymentIntents, "payment_intent", id) },
    { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, handle: (_, [id]) => this.get(this.charges, "charge", id) },
    { method: "POST", pattern: /^\/v1\/refunds$/, handle: (p) => this.createRefund(p) },
  ];

  private async serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://fake");
    // GET and DELETE carry their parameters in the query string, as stripe-node sends them.
    const params = parseForm(req.method === "GET" || req.method === "DELETE" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"));
    const key = req.headers["idempotency-key"] as string | undefined;
    this.requests.push({ method: req.method!, path: url.pathname, params, idempotencyKey: key });
    const send = (status: number, body: Obj) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": this.id("req") });
      res.end(JSON.stringify(body));
    };

    if (req.headers.authorization !== `Bearer ${this.secretKey}`) {
      return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
    }
    const route = this.routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });

    const cacheKey = key && req.method === "POST" ? `${url.pathname}:${key}` : undefined;
    const cached = cacheKey ? this.idempotent.get(cacheKey) : undefined;
    if (cached === "in_flight") {
      return send(409, { error: { type: "idempotency_error", code: "idempotency_key_in_use", message: "There is currently another in-progress request using this Idempotent Key." } });
    }
    if (cached) return send(cached.status, cached.body);
    if (cacheKey) this.idempotent.set(cacheKey, "in_flight");

    let status = 200;
    let body: Obj;
    try {
      const match = route.pattern.exec(url.pathname)!.slice(1);
      body = this.expand(await route.handle(params, match), (params.expand as string[] | undefined) ?? []);
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      status = error.status;
      body = { error: error.error };
    }
    if (cacheKey) {
      if (status < 500) this.idempotent.set(cacheKey, { status, body });
      else this.idempotent.delete(cacheKey);
    }
    send(status, body);
  }

  private createCustomer(params: Obj) {
    const customer = {
      id: this.id("cus"),
      object: "customer",
      created: nowSeconds(),
      email: params.email ?? null,
      name: params.name ?? null,
      metadata: params.metadata ?? {},
      invoice_settings: { default_payment_method: null },
      address: params.address === undefined ? null : this.address(params.address),
      livemode: false,
    };
    this.customers.set(customer.id, customer);
    return new Promise<Obj>((resolve) => setTimeout(() => resolve(customer), this.customerCreateDelayMs));
  }

  private updateCustomer(customerId: string, params: Obj) {
    const customer = this.get(this.customers, "customer", customerId);
    for (const field of ["email", "name"] as const) if (params[field] !== undefined) customer[field] = params[field];
    if (params.address !== undefined) customer.address = this.address(params.address);
    const preferred = params.invoice_settings?.default_payment_method as string | undefined;
    if (preferred !== undefined) {
      if (preferred !== "" && this.paymentMethods.get(preferred)?.customer !== customerId) {
        throw invalid(`The payment method ${preferred} is not attached to customer ${customerId}.`, "invoice_settings[default_payment_method]");
      }
      const previous = structuredClone(customer);
      customer.invoice_settings.default_payment_method = preferred === "" ? null : preferred;
      this.emit("customer.updated", customer, { invoice_settings: previous.invoice_settings });
    }
    return customer;
  }

  /** A customer's `address` as Stripe stores it: "" unsets it, an empty part is null, a country is required. */
  private address(params: Obj | ""): Obj | null {
    if (params === "") return null;
    if (!params.country) throw invalid("Missing required param: address[country].", "address[country]");
    const part = (name: string) => (params[name] ? String(params[name]) : null);
    return { line1: part("line1"), line2: part("line2"), city: part("city"), postal_code: part("postal_code"), state: part("state"), country: part("country") };
  }

  private detachPaymentMethod(id: string) {
    const method = this.get(this.paymentMethods, "payment method", id);
    if (!method.customer) throw invalid(`The payment method ${id} is not attached to a customer.`);
    const customer = this.customers.get(method.customer);
    if (customer?.invoice_settings.default_payment_method === id) customer.invoice_settings.default_payment_method = null;
    for (const sub of this.subscriptions.values()) if (sub.default_payment_method === id) sub.default_payment_method = null;
    method.customer = null;
    this.emit("payment_method.detached", method);
    return method;
  }

  private listPaymentMethods(customerId: string, params: Obj) {
    this.get(this.customers, "customer", customerId);
    const all = [...this.paymentMethods.values()].filter((pm) => pm.customer === customerId).reverse();
    const limit = Number(params.limit ?? 10);
    return { object: "list", url: `/v1/customers/${customerId}/payment_methods`, has_more: all.length > limit, data: all.slice(0, limit) };
  }

  private createCheckoutSession(params: Obj) {
    if (params.mode === "payment") return this.createPaymentSession(params);
    if (params.mode === "setup") {
      if (!params.currency) throw invalid("Missing required param: currency (or payment_method_types).", "currency");
      return this.openSession(params, { setup_intent: null });
    }
    if (params.mode !== "subscription") throw invalid("Only subscription, payment and setup modes are supported by this fake.", "mode");
    const lineItems = params.line_items as Obj[] | undefined;
    if (lineItems?.length !== 1) throw invalid("Exactly one line item is expected.", "line_items");
    const price = this.price(lineItems[0].price);
    if (params.discounts && params.allow_promotion_codes) throw invalid("You may only specify one of these parameters: allow_promotion_codes, discounts.");
    for (const discount of (params.discounts as Obj[] | undefined) ?? []) this.usablePromotion(discount.promotion_code);
    return this.openSession(params, {
      __price: price.id,
      __discounts: params.discounts ?? null,
      allow_promotion_codes: params.allow_promotion_codes === "true",
      subscription_data_metadata: params.subscription_data?.metadata ?? {},
    });
  }

  /** A new open Checkout session of `params.mode` for the customer, with the mode's own fields. */
  private openSession(params: Obj, fields: Obj) {
    const customer = this.get(this.customers, "customer", params.customer);
    for (const name of ["success_url", "cancel_url"]) if (!params[name]) throw invalid(`Missing required param: ${name}.`, name);
    const id = `cs_test_${randomBytes(12).toString("hex")}`;
    const session = {
      id,
      object: "checkout.session",
      mode: params.mode,
      status: "open",
      payment_status: "unpaid",
      customer: customer.id,
      client_reference_id: params.client_reference_id ?? null,
      metadata: params.metadata ?? {},
      subscription: null,
      success_url: String(params.success_url).replace("{CHECKOUT_SESSION_ID}", id),
      cancel_url: params.cancel_url,
      url: `${this.url}/checkout/${id}`,
      created: nowSeconds(),
      livemode: false,
      ...fields,
    };
    this.checkoutSessions.set(id, session);
    return session;
  }

  /** One-time payment for one inline price (`price_data`), as NormFlix sells rentals and purchases. */
  private createPaymentSession(params: Obj) {
    const lineItems = params.line_items as Obj[] | undefined;
    const priceData = lineItems?.length === 1 ? lineItems[0].price_data : undefined;
    if (!priceData?.currency || !priceData.product_data?.name) throw invalid("Exactly one line item with price_data is expected.", "line_items");
    const amount = Number(priceData.unit_amount);
    if (!Number.isInteger(amount) || amount < 50) throw invalid("Amount must be at least 50 cents.", "line_items[0][price_data][unit_amount]");
    return this.openSession(params, {
      amount_total: amount * Number(lineItems![0].quantity ?? 1),
      currency: priceData.currency,
      payment_intent: null,
      __payment_intent_metadata: params.payment_intent_data?.metadata ?? {},
    });
  }

  private listPromotionCodes(params: Obj) {
    const all = [...this.promotionCodes.values()].filter(
      (promotion) => (params.code === undefined || promotion.code === params.code) && (params.active === undefined || String(promotion.active) === params.active),
    );
    const limit = Number(params.limit ?? 10);
    return { object: "list", url: "/v1/promotion_codes", has_more: all.length > limit, data: all.slice(0, limit) };
  }

  private createRefund(params: Obj) {
    const intent = this.get(this.paymentIntents, "payment_intent", params.payment_intent);
    const charge = this.get(this.charges, "charge", intent.latest_charge);
    if (charge.refunded) throw invalid(`Charge ${charge.id} has already been refunded.`);
    return { ...this.refundCharge(charge.id), reason: params.reason ?? null, metadata: params.metadata ?? {} };
  }

  private createPortalSession(params: Obj) {
    const customer = this.get(this.customers, "customer", params.customer);
    const id = this.id("bps");
    return { id, object: "billing_portal.session", customer: customer.id, return_url: params.return_url ?? null, url: `${this.url}/portal/${id}`, created: nowSeconds(), livemode: false };
  }

  private createSubscriptionFromApi(params: Obj) {
    const customer = this.get(this.customers, "customer", params.customer);
    const items = params.items as Obj[] | undefined;
    if (items?.length !== 1) throw invalid("Exactly one item is expected.", "items");
    const card = params.default_payment_method ?? customer.invoice_settings.default_payment_method;
    if (!card) throw invalid("This customer has no attached payment source or default payment method.");
    if (this.paymentMethods.get(card)?.customer !== customer.id) throw invalid(`The payment method ${card} is not attached to customer ${customer.id}.`, "default_payment_method");
    if (params.payment_behavior === "error_if_incomplete" && this.declining.has(customer.id)) {
      throw new StripeFailure(402, { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." });
    }
    const promotion = (params.discounts as Obj[] | undefined)?.[0]?.promotion_code;
    if (promotion) this.usablePromotion(promotion);
    const sub = this.createSubscription(customer.id, this.price(items[0].price).id, params.metadata ?? {}, undefined, promotion);
    sub.default_payment_method = card;
    return sub;
  }

  private createSubscription(customerId: string, priceId: string, metadata: Obj, startedAt = nowSeconds(), promotionCode?: string) {
    const price = this.price(priceId);
    const sub: Obj = {
      id: this.id("sub"),
      object: "subscription",
      customer: customerId,
      status: "incomplete",
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      created: startedAt,
      start_date: startedAt,
      currency: "usd",
      metadata,
      schedule: null,
      default_payment_method: null,
      pending_update: null,
      pause_collection: null,
      discounts: [] as string[],
      cancellation_details: { comment: null, feedback: null, reason: null },
      latest_invoice: null,
      livemode: false,
      items: {
        object: "list",
        has_more: false,
        url: "/v1/subscription_items",
        data: [{ id: this.id("si"), object: "subscription_item", price, quantity: 1, current_period_start: startedAt, current_period_end: startedAt + periodOf(price) }],
      },
    };
    this.subscriptions.set(sub.id, sub);
    if (promotionCode) this.applyPromotion(sub, promotionCode, startedAt);
    const invoice = this.invoice(sub, "subscription_create", price.unit_amount, startedAt);
    if (!this.declining.has(customerId)) sub.status = "active";
    this.emit("customer.subscription.created", sub);
    this.charge(sub, invoice, startedAt);
    return sub;
  }

  /** DELETE /v1/subscriptions/{id}: ends it at once (no refund, no final invoice, as Stripe's defaults). */
  private cancelSubscriptionNow(id: string, params: Obj = {}) {
    const sub = this.get(this.subscriptions, "subscription", id);
    if (sub.status === "canceled") throw invalid("This subscription is already canceled.");
    const previous = structuredClone(sub);
    this.setCancellationDetails(sub, params.cancellation_details);
    sub.pause_collection = null;
    sub.status = "canceled";
    sub.canceled_at = sub.ended_at = nowSeconds();
    sub.cancel_at_period_end = false;
    this.emit("customer.subscription.deleted", sub, previous);
    return sub;
  }

  private updateSubscription(id: string, params: Obj) {
    const sub = this.get(this.subscriptions, "subscription", id);
    if (sub.status === "canceled") throw invalid("A canceled subscription can only update its cancellation_details and metadata.");
    const previous = structuredClone(sub);
    if (params.cancel_at_period_end !== undefined && params.cancel_at !== undefined) {
      throw invalid("You may only specify one of these parameters: cancel_at, cancel_at_period_end.");
    }
    if (params.cancel_at_period_end !== undefined) {
      sub.cancel_at_period_end = params.cancel_at_period_end === "true";
      sub.canceled_at = sub.cancel_at_period_end ? nowSeconds() : null;
    }
    if (params.cancel_at === "") sub.cancel_at = null;
    if (params.default_payment_method !== undefined) {
      if (this.paymentMethods.get(params.default_payment_method)?.customer !== sub.customer) {
        throw invalid(`The payment method ${params.default_payment_method} is not attached to customer ${sub.customer}.`, "default_payment_method");
      }
      sub.default_payment_method = params.default_payment_method;
    }
    const discounts = params.discounts as Obj[] | "" | undefined;
    if (discounts === "") sub.discounts = [];
    else if (discounts) {
      if (discounts.length !== 1 || !discounts[0].promotion_code) throw invalid("This fake takes one discount by promotion_code.", "discounts");
      this.usablePromotion(discounts[0].promotion_code);
      this.applyPromotion(sub, discounts[0].promotion_code);
    }
    if (params.cancel_at_period_end === "true") this.setCancellationDetails(sub, params.cancellation_details);
    if (params.pause_collection === "") sub.pause_collection = null;
    else if (params.pause_collection !== undefined) {
      const { behavior, resumes_at: resumesAt } = params.pause_collection as Obj;
      if (!["keep_as_draft", "mark_uncollectible", "void"].includes(behavior)) throw invalid("Invalid pause_collection[behavior].", "pause_collection[behavior]");
      if (resumesAt !== undefined && Number(resumesAt) <= nowSeconds()) throw invalid("resumes_at must be in the future.", "pause_collection[resumes_at]");
      sub.pause_collection = { behavior, resumes_at: resumesAt === undefined ? null : Number(resumesAt) };
    }
    if (params.cancel_at_period_end !== undefined) sub.cancel_at = sub.cancel_at_period_end ? sub.items.data[0].current_period_end : null;
    const items = params.items as Obj[] | undefined;
    if (items) {
      const item = sub.items.data[0];
      if (items.length !== 1 || items[0].id !== item.id) throw invalid("Update the subscription's one item by its id.", "items");
      const price = this.price(items[0].price);
      if (params.payment_behavior === "pending_if_incomplete" && params.proration_behavior !== "always_invoice") {
        throw invalid("pending_if_incomplete needs proration_behavior=always_invoice here.", "payment_behavior");
      }
      const now = nowSeconds();
      const remaining = Math.max(0, item.current_period_end - now) / (item.current_period_end - item.current_period_start);
      // As Stripe: another interval resets the billing cycle to now, charging the new price in full less the unused
      // part of the old one; the same interval keeps the period and charges the difference for what is left of it.
      const newCycle = price.recurring.interval !== item.price.recurring.interval;
      const proration = newCycle
        ? Math.round(price.unit_amount - item.price.unit_amount * remaining)
        : Math.round((price.unit_amount - item.price.unit_amount) * remaining);
      if (newCycle && params.proration_behavior !== "always_invoice") throw invalid("This fake changes intervals only with proration_behavior=always_invoice.", "proration_behavior");
      if (params.proration_behavior === "always_invoice" && proration > 0) {
        const invoice = this.invoice(sub, "subscription_update", proration, now);
        const paid = this.charge(sub, invoice, now, { keepStatus: params.payment_behavior === "pending_if_incomplete" });
        if (!paid && params.payment_behavior === "pending_if_incomplete") {
          sub.pending_update = { expires_at: now + DAY, subscription_items: [{ id: item.id, price: price.id }] };
          this.emit("customer.subscription.updated", sub, changed(previous, sub));
          return sub;
        }
      }
      item.price = price;
      if (newCycle) Object.assign(item, { current_period_start: now, current_period_end: now + periodOf(price) });
      sub.pending_update = null;
    }
    this.emit("customer.subscription.updated", sub, changed(previous, sub));
    return sub;
  }

  private setCancellationDetails(sub: Obj, details: Obj | undefined) {
    const feedbacks = ["customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"];
    if (details?.feedback !== undefined && !feedbacks.includes(details.feedback)) throw invalid("Invalid cancellation_details[feedback].", "cancellation_details[feedback]");
    sub.cancellation_details = { comment: details?.comment ?? null, feedback: details?.feedback ?? null, reason: "cancellation_requested" };
  }

  private createSchedule(params: Obj) {
    const sub = this.get(this.subscriptions, "subscription", params.from_subscription);
    if (sub.schedule) throw invalid(`You cannot migrate a subscription that is already attached to a schedule: \`${sub.schedule}\`.`, "from_subscription");
    const item = sub.items.data[0];
    const schedule = {
      id: this.id("sub_sched"),
      object: "subscription_schedule",
      customer: sub.customer,
      subscription: sub.id,
      status: "active",
      end_behavior: "release",
      released_at: null,
      released_subscription: null,
      created: nowSeconds(),
      current_phase: { start_date: item.current_period_start, end_date: item.current_period_end },
      phases: [{ start_date: item.current_period_start, end_date: item.current_period_end, items: [{ price: item.price.id, quantity: 1 }] }],
      livemode: false,
    };
    this.schedules.set(schedule.id, schedule);
    const previous = structuredClone(sub);
    sub.schedule = schedule.id;
    this.emit("subscription_schedule.created", schedule);
    this.emit("customer.subscription.updated", sub, changed(previous, sub));
    return schedule;
  }

  private updateSchedule(id: string, params: Obj) {
    const schedule = this.get(this.schedules, "subscription schedule", id);
    if (schedule.status !== "active" && schedule.status !== "not_started") throw invalid(`You cannot update a subscription schedule that is ${schedule.status}.`);
    if (params.end_behavior) schedule.end_behavior = params.end_behavior;
    const phases = params.phases as Obj[] | undefined;
    if (phases) {
      let start = Number(phases[0].start_date);
      if (start !== schedule.current_phase.start_date) throw invalid("You can not modify the start date of the current phase.", "phases[0][start_date]");
      schedule.phases = phases.map((phase, i) => {
        const unit = phase.duration?.interval === "year" ? YEAR : phase.duration?.interval === "month" ? PERIOD : undefined;
        if (phase.duration && !unit) throw invalid("This fake knows phase durations in months and years.", `phases[${i}][duration][interval]`);
        const end = phase.end_date ? Number(phase.end_date) : phase.duration ? start + Number(phase.duration.interval_count) * unit! : undefined;
        if (!end) throw invalid("A phase needs an end_date or a duration.", `phases[${i}]`);
        const result = { start_date: start, end_date: end, items: (phase.items as Obj[]).map((it) => ({ price: this.price(it.price).id, quantity: Number(it.quantity ?? 1) })) };
        start = end;
        return result;
      });
      schedule.current_phase = { start_date: schedule.phases[0].start_date, end_date: schedule.phases[0].end_date };
    }
    this.emit("subscription_schedule.updated", schedule);
    return schedule;
  }

  private releaseSchedule(schedule: Obj, at = nowSeconds()) {
    if (schedule.status !== "active" && schedule.status !== "not_started") throw invalid(`You cannot release a subscription schedule that is currently ${schedule.status}.`);
    const sub = this.subscriptions.get(schedule.subscription)!;
    const previous = structuredClone(sub);
    Object.assign(schedule, { status: "released", released_at: at, released_subscription: sub.id, subscription: null, current_phase: null });
    sub.schedule = null;
    this.emit("subscription_schedule.released", schedule);
    this.emit("customer.subscription.updated", sub, changed(previous, sub));
    return schedule;
  }

  // ---- discounts ------------------------------------------------------------------------------------------------

  /** A promotion code that can be redeemed now, else Stripe's 400. */
  private usablePromotion(id: string): Obj {
    const promotion = this.get(this.promotionCodes, "promotion_code", id);
    const spent = promotion.max_redemptions !== null && promotion.times_redeemed >= promotion.max_redemptions;
    const expired = promotion.expires_at !== null && promotion.expires_at <= nowSeconds();
    if (!promotion.active || spent || expired) throw invalid(`This promotion code cannot be redeemed: ${promotion.code}.`, "discounts[0][promotion_code]");
    return promotion;
  }

  /** The subscription's discount becomes this promotion code's coupon (replacing any other). */
  private applyPromotion(sub: Obj, promotionId: string, at = nowSeconds()) {
    const promotion = this.usablePromotion(promotionId);
    const coupon = this.coupons.get(promotion.promotion.coupon)!;
    promotion.times_redeemed += 1;
    coupon.times_redeemed += 1;
    const end = coupon.duration === "forever" ? null : coupon.duration === "once" ? sub.items.data[0].current_period_end : at + coupon.duration_in_months * PERIOD;
    const discount = {
      id: this.id("di"),
      object: "discount",
      customer: sub.customer,
      subscription: sub.id,
      promotion_code: promotion.id,
      source: { type: "coupon", coupon: coupon.id },
      start: at,
      end,
      checkout_session: null,
      invoice: null,
      invoice_item: null,
      subscription_item: null,
    };
    this.discounts.set(discount.id, discount);
    sub.discounts = [discount.id];
    this.emit("customer.discount.created", discount);
  }

  /** The coupon of the subscription's discount while it runs at `at`. */
  private runningCoupon(sub: Obj, at: number): Obj | undefined {
    const discount = sub.discounts?.[0] ? this.discounts.get(sub.discounts[0]) : undefined;
    if (!discount || (discount.end !== null && discount.end <= at)) return undefined;
    return this.coupons.get(discount.source.coupon)!;
  }

  /** An amount less the subscription's running discount. */
  private discounted(sub: Obj, amount: number, at: number): number {
    return lessCoupon(amount, this.runningCoupon(sub, at));
  }

  /**
   * POST /v1/invoices/create_preview for what NormFlix previews: a new subscription (`subscription_details[items]`
   * with a price), or a change to a subscription's one item, prorated (`always_invoice`: the invoice made now) or not
   * (`none`); `preview_mode=recurring` gives the next period's invoice at the (new) price. `discounts` with a
   * promotion code replaces the subscription's discount, without redeeming it.
   */
  private previewInvoice(params: Obj) {
    const details = (params.subscription_details ?? {}) as Obj;
    const asked = (details.items as Obj[] | undefined)?.[0];
    const sub = params.subscription ? this.get(this.subscriptions, "subscription", params.subscription) : undefined;
    if (!sub && !asked?.price) throw invalid("Preview a subscription, or a new one with subscription_details[items].", "subscription_details[items]");
    const item = sub?.items.data[0];
    if (sub && asked && asked.id !== item.id) throw invalid("Update the subscription's one item by its id.", "subscription_details[items]");
    const price = this.price(asked?.price ?? item.price.id);
    const now = details.proration_date ? Number(details.proration_date) : nowSeconds();
    const recurring = params.preview_mode === "recurring";
    const discounts = params.discounts as Obj[] | "" | undefined;
    // A code given here is redeemed now: once applies to the first invoice only, repeating for its months.
    const given = discounts ? this.coupons.get(this.usablePromotion(discounts[0].promotion_code).promotion.coupon) : undefined;
    const lasts = (c: Obj, at: number) => c.duration === "forever" || (c.duration === "once" ? at === now : at < now + c.duration_in_months * PERIOD);
    const coupon = (at: number) => (discounts === "" ? undefined : given ? (lasts(given, at) ? given : undefined) : sub && this.runningCoupon(sub, at));
    const line = (description: string, amount: number, start: number, end: number) => ({ id: this.id("il"), object: "line_item", amount, currency: "usd", description, period: { start, end } });
    const full = (start: number) => line(`1 × NormFlix (at $${(price.unit_amount / 100).toFixed(2)} / ${price.recurring.interval})`, price.unit_amount, start, start + periodOf(price));

    const newCycle = item && price.recurring.interval !== item.price.recurring.interval;
    let lines: Obj[];
    let at = now;
    if (!sub) {
      at = recurring ? now + periodOf(price) : now;
      lines = [full(at)];
    }
    else if (recurring || details.proration_behavior === "none" || price.id === item.price.id) {
      // The next period's invoice: a new interval with prorations starts its period now, anything else at the period's end.
      at = newCycle && details.proration_behavior !== "none" ? now + periodOf(price) : item.current_period_end;
      lines = [full(at)];
    } else {
      const remaining = Math.max(0, item.current_period_end - now) / (item.current_period_end - item.current_period_start);
      const unused = -Math.round(item.price.unit_amount * remaining);
      const total = newCycle ? Math.round(price.unit_amount - item.price.unit_amount * remaining) : Math.round((price.unit_amount - item.price.unit_amount) * remaining);
      const end = newCycle ? now + periodOf(price) : item.current_period_end;
      lines = [line(`Unused time on ${item.price.id}`, unused, now, item.current_period_end), line(newCycle ? `1 × NormFlix (${price.id})` : `Remaining time on ${price.id}`, total - unused, now, end)];
    }
    const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
    const total = subtotal > 0 ? lessCoupon(subtotal, coupon(at)) : subtotal;
    return {
      id: null,
      object: "invoice",
      customer: sub?.customer ?? params.customer ?? null,
      currency: "usd",
      subtotal,
      total,
      total_discount_amounts: subtotal === total ? [] : [{ amount: subtotal - total, discount: null }],
      amount_due: Math.max(0, total),
      period_start: at,
      period_end: at,
      lines: { object: "list", has_more: false, data: lines },
      livemode: false,
    };
  }

  // ---- billing --------------------------------------------------------------------------------------------------

  private invoice(sub: Obj, reason: string, fullAmount: number, at: number): Obj {
    const amount = this.discounted(sub, fullAmount, at);
    const customer = this.customers.get(sub.customer)!;
    const count = [...this.invoices.values()].filter((invoice) => invoice.customer === sub.customer).length;
    const item = sub.items.data[0];
    const invoice = {
      id: this.id("in"),
      object: "invoice",
      customer: sub.customer,
      customer_email: customer.email,
      number: `${customer.id.slice(-8).toUpperCase()}-${String(count + 1).padStart(4, "0")}`,
      status: "open",
      billing_reason: reason,
      currency: "usd",
      amount_due: amount,
      amount_paid: 0,
      amount_remaining: amount,
      total: amount,
      subtotal: amount,
      attempt_count: 0,
      created: at,
      period_start: at,
      period_end: at,
      description: null,
      hosted_invoice_url: `${this.url}/invoices/${sub.customer}`,
      invoice_pdf: `${this.url}/invoices/${sub.customer}/pdf`,
      status_transitions: { finalized_at: at, paid_at: null, voided_at: null, marked_uncollectible_at: null },
      parent: { type: "subscription_details", quote_details: null, subscription_details: { subscription: sub.id, metadata: sub.metadata } },
      lines: {
        object: "list",
        has_more: false,
        data: [{ id: this.id("il"), object: "line_item", amount, currency: "usd", description: `1 × NormFlix (${item.price.id})`, period: { start: item.current_period_start, end: item.current_period_end } }],
      },
      livemode: false,
    };
    this.invoices.set(invoice.id, invoice);
    sub.latest_invoice = invoice.id;
    this.emit("invoice.finalized", invoice);
    return invoice;
  }

  /** Tries the customer's card; a failure makes the subscription past_due (incomplete for its first invoice). */
  private charge(sub: Obj, invoice: Obj, at: number, options: { keepStatus?: boolean } = {}): boolean {
    invoice.attempt_count += 1;
    const previous = structuredClone(sub);
    if (this.declining.has(sub.customer)) {
      invoice.next_payment_attempt = at + 3 * DAY;
      this.emit("invoice.payment_failed", invoice);
      if (!options.keepStatus) sub.status = invoice.billing_reason === "subscription_create" ? "incomplete" : "past_due";
      if (sub.status !== previous.status) this.emit("customer.subscription.updated", sub, changed(previous, sub));
      return false;
    }
    Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due, amount_remaining: 0 });
    invoice.status_transitions.paid_at = at;
    this.emit("invoice.paid", invoice);
    if (sub.status === "past_due" || sub.status === "incomplete") {
      sub.status = "active";
      this.emit("customer.subscription.updated", sub, changed(previous, sub));
    }
    return true;
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private id(prefix: string) {
    return `${prefix}_${(++this.seq).toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
  }

  private get(map: Map<string, Obj>, kind: string, id: string): Obj {
    const found = map.get(id);
    if (!found) throw missing(kind, id);
    return found;
  }

  private price(id: string): Obj {
    const known = this.prices[id];
    if (known === undefined) throw missing("price", id);
    const { amount, interval } = typeof known === "number" ? { amount: known, interval: "month" } : known;
    return { id, object: "price", active: true, currency: "usd", unit_amount: amount, type: "recurring", recurring: { interval, interval_count: 1 } };
  }

  private emit(type: string, object: Obj, previous?: Obj) {
    this.events.push({
      id: this.id("evt"),
      object: "event",
      api_version: "2026-10-28.endive",
      created: nowSeconds(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: this.public(object), ...(previous && { previous_attributes: previous }) },
    });
  }

  /** What the API shows of an object: a deep copy without the fake's own `__` fields. */
  private public(object: Obj): Obj {
    return JSON.parse(JSON.stringify(object, (key, value) => (key.startsWith("__") || key === "subscription_data_metadata" ? undefined : value)));
  }

  private expand(object: Obj, paths: string[]): Obj {
    const result = this.public(object);
    const sources: Record<string, Map<string, Obj>> = {
      latest_invoice: this.invoices,
      schedule: this.schedules,
      subscription: this.subscriptions,
      customer: this.customers,
      payment_intent: this.paymentIntents,
      latest_charge: this.charges,
      discounts: this.discounts,
      coupon: this.coupons,
      promotion_code: this.promotionCodes,
    };
    // Nested paths ("payment_intent.latest_charge", "discounts.source.coupon") expand level by level, as Stripe does;
    // a list field expands each of its ids.
    const expandAt = (target: Obj | undefined, fields: string[]): void => {
      if (!target || typeof target !== "object" || fields.length === 0) return;
      const [field, ...rest] = fields;
      const one = (value: unknown) => (typeof value === "string" && sources[field]?.has(value) ? this.public(sources[field].get(value)!) : value);
      const value = target[field];
      if (Array.isArray(value)) {
        target[field] = value.map(one);
        for (const item of target[field]) expandAt(item, rest);
      } else {
        target[field] = one(value);
        expandAt(target[field], rest);
      }
    };
    for (const path of paths) expandAt(result, path.split("."));
    return result;
  }
}

/** Stripe's previous_attributes: the top-level fields that changed, with their old values. */
function changed(before: Obj, after: Obj): Obj {
  return Object.fromEntries(Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map((key) => [key, before[key]]));
}
