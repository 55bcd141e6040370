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

/** A new password typed twice; refine the form with `passwordsMatch`, which reports a mismatch on the second field. */
export const newPasswordTwice = { new_password: newPasswordField, confirm_password: z.string() };
export const passwordsMatch: [(form: { new_password: string; confirm_password: string }) => boolean, { path: string[]; message: string; params: { i18n: string } }] = [
  (form) => form.new_password === form.confirm_password,
  { path: ["confirm_password"], message: "The passwords do not match.", params: { i18n: "mismatch" } },
];
