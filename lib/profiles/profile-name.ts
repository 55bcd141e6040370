import { z } from "zod";

/** A profile name as it arrives (path segment, query or body): trimmed, 1–50 characters, no control characters. */
export const profileName = z
  .string()
  .transform((name) => name.trim())
  .pipe(
    z
      .string()
      .min(1, "A profile name cannot be empty.")
      .refine((name) => [...name].length <= 50, "A profile name has at most 50 characters.")
      .refine((name) => !/\p{Cc}/u.test(name), "A profile name cannot contain control characters."),
  )
  .describe("The profile's name, exactly (URL-encoded in paths; spaces, accents and emoji are fine). 1–50 characters.");
