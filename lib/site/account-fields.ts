import { z } from "zod";

// Form fields for the site, with the same rules as the API (app/api/accounts/schema.ts) and messages for people.
export const usernameField = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(32, "Use at most 32 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "Use letters, digits, '.', '_' or '-', starting with a letter or digit.");
export const emailField = z.string().trim().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address."));
export const newPasswordField = z.string().min(8, "Use at least 8 characters.").max(256, "Use at most 256 characters.");
