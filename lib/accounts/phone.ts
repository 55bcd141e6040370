import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

/**
 * A phone number in international form, validated against the numbering plan of its country (libphonenumber's full
 * metadata) and answered as E.164 (+14155550123); spaces, dashes and brackets as people type them are fine.
 */
export const phoneNumber = z
  .string()
  .trim()
  .max(32)
  .transform((input, ctx) => {
    const parsed = parsePhoneNumberFromString(input);
    if (!input.startsWith("+") || !parsed?.isValid()) {
      ctx.addIssue({ code: "custom", message: "Enter a valid phone number with its country code, such as +1 415 555 0123." });
      return z.NEVER;
    }
    return parsed.number;
  })
  .describe("International format with the country code; stored and answered as E.164 (+14155550123).");

export const displayName = z.string().trim().min(1).max(64).describe("The name NormFlix greets you with (1–64 characters).");
