import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { nulPath } from "@/lib/api/nul-path";
import { fieldErrors, formMessage, userMessage } from "@/lib/i18n/errors";
import { currentPrincipal, watchingAsKids } from "./session";

/** What a form's server action answers: a message for the whole form, messages per field, echoed values. */
export type FormState = {
  error?: string;
  /** The service's error code (e.g. upgrade_required), for forms that offer a way out. */
  code?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  success?: string;
  /** Non-secret inputs, so a rejected form keeps what the user typed. */
  values?: Record<string, string>;
  /** A step the user confirms before it is taken: what it will do, and the `confirm` value its button sends back. */
  confirm?: Confirmation;
};

export type Confirmation = {
  title: string;
  rows: { label: string; value: string; total?: boolean }[];
  notes: string[];
  value: string;
  button: string;
};

const SECRET_FIELD = /password|pin/i;

function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === "string" && !name.startsWith("$") && !SECRET_FIELD.test(name)) values[name] = value;
  }
  return values;
}

/** Field errors from an ApiError's `details` ({ field: "body.email", message }) when it names fields. */
function fieldErrorsOf(error: ApiError): FormState["fieldErrors"] {
  if (!Array.isArray(error.details)) return undefined;
  const errors: Record<string, string[]> = {};
  for (const detail of error.details as { field?: unknown; message?: unknown }[]) {
    if (typeof detail?.field !== "string" || typeof detail.message !== "string") continue;
    const name = detail.field.split(".").at(-1)!;
    (errors[name] ??= []).push(detail.message);
  }
  return errors;
}

/**
 * A server action for `useActionState`: validates the form with `schema`, runs `action`, and turns validation
 * failures and expected service errors (ApiError below 500) into `{ error, fieldErrors }`. redirect() and unexpected
 * errors pass through.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  action: (data: z.output<S>, formData: FormData) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = echo(formData);
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { error: await formMessage("correctFields"), fieldErrors: await fieldErrors(parsed.error, z.flattenError), values };
    }
    const nul = nulPath(parsed.data);
    if (nul) return { error: await formMessage("correctFields"), fieldErrors: { [nul.join(".")]: [await formMessage("nul")] }, values };
    try {
      return { values, ...(await action(parsed.data, formData)) };
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) return { error: await userMessage(error), code: error.code, fieldErrors: fieldErrorsOf(error), values };
      throw error;
    }
  };
}

/** validatedAction for signed-in users only; a signed-out (or revoked) browser gets a message, not a crash. */
export function validatedActionWithPrincipal<S extends z.ZodType>(
  schema: S,
  action: (data: z.output<S>, principal: Principal, formData: FormData) => Promise<FormState | void>,
) {
  return validatedAction(schema, async (data, formData) => {
    const principal = await currentPrincipal();
    if (!principal) return { error: await formMessage("signedOut") };
    return action(data, principal, formData);
  });
}

/** validatedActionWithPrincipal for the account holder's forms: refused while the browser watches as a kids profile. */
export function validatedAccountAction<S extends z.ZodType>(
  schema: S,
  action: (data: z.output<S>, principal: Principal, formData: FormData) => Promise<FormState | void>,
) {
  return validatedActionWithPrincipal(schema, async (data, principal, formData) => {
    if (await watchingAsKids(principal)) return { error: await formMessage("kidsRefused") };
    return action(data, principal, formData);
  });
}
