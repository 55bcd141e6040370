/**
 * The path to the first string holding a NUL character in validated input (e.g. ["items", "0", "name"]), or
 * undefined: PostgreSQL text cannot store one, so the API and the site's forms refuse it rather than fail in a query.
 * Meant for schema-validated values, which are as shallow as their schema.
 */
export function nulPath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
