import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";

// What a form or button shows for a refused action. The API answers developers in English; the site says it in the
// viewer's language, by the error's code. English keeps the service's own (more specific) messages, and the forms'
// own field messages; other languages word field errors by the kind of problem (zod's issue code).

/** A refusal ({ code, message }: an ApiError or a refused sign-in) in the request's language. */
export async function userMessage(error: { code: string; message: string }): Promise<string> {
  if ((await getLocale()) === "en") return error.message;
  const t = await getTranslations();
  const key = `errors.${error.code}` as "errors.forbidden";
  return t.has(key) ? t(key) : t("forms.failed");
}

type FormKey = "correctFields" | "nul" | "signedOut" | "kidsRefused" | "failed" | "invalidRequest" | "tooManyAttempts" | "signInFailed";

/** A message of the "forms" catalogue in the request's language, for actions' own refusals. */
export async function formMessage(key: FormKey, values?: Record<string, number>): Promise<string> {
  return (await getTranslations("forms"))(key, values);
}

/** A form's field errors in the request's language (see above). */
export async function fieldErrors(error: z.ZodError, flatten: typeof z.flattenError): Promise<Record<string, string[] | undefined>> {
  if ((await getLocale()) === "en") return flatten(error).fieldErrors as Record<string, string[] | undefined>;
  const t = await getTranslations("fields");
  return flatten(error, (issue) => {
    const origin = "origin" in issue ? issue.origin : undefined;
    switch (issue.code) {
      case "too_small":
        if (origin === "string") return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { min: Number(issue.minimum) });
        return t("tooSmall", { min: Number(issue.minimum) });
      case "too_big":
        return origin === "string" ? t("tooLong", { max: Number(issue.maximum) }) : t("tooBig", { max: Number(issue.maximum) });
      case "invalid_format":
        return "format" in issue && issue.format === "email" ? t("email") : t("invalid");
      case "invalid_type":
        return issue.input === undefined || issue.input === "" ? t("required") : t("invalid");
      case "invalid_value":
        return t("choose");
      case "custom":
        return issue.params?.i18n === "mismatch" ? t("mismatch") : t("invalid");
      default:
        return t("invalid");
    }
  }).fieldErrors as Record<string, string[] | undefined>;
}
