// Decodes the bracketed form encoding stripe-node sends (`items[0][price]=…&expand[0]=…`) into nested values.
type Node = { [key: string]: Node | string };

export function parseForm(text: string): Record<string, unknown> {
  const root: Node = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const [head, ...rest] = rawKey.split("[");
    const path = [head, ...rest.map((part) => part.replace(/\]$/, ""))];
    let node = root;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Node;
    });
  }
  return toArrays(root) as Record<string, unknown>;
}

// Objects whose keys are 0..n-1 were arrays.
function toArrays(value: Node | string): unknown {
  if (typeof value === "string") return value;
  const keys = Object.keys(value);
  const converted = Object.fromEntries(keys.map((key) => [key, toArrays(value[key])]));
  const isArray = keys.length > 0 && keys.every((key, i) => key === String(i));
  return isArray ? keys.map((key) => converted[key]) : converted;
}
