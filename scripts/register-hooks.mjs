// Lets plain Node (server.ts, worker.ts under tsx) load modules that start with `import "server-only"`: that package
// throws unless resolved with the react-server condition, which only Next's own bundle uses. This resolve hook maps
// the specifier to an empty module for this process; Next's bundle is unaffected.
// Usage: node --import tsx --import ./scripts/register-hooks.mjs server.ts
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return nextResolve(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
