import fs from "node:fs";
import path from "node:path";

/** Replaces (or appends) the `## <section>` part of docs/BENCHMARKS.md, keeping the others. */
export function updateBenchmarks(section: string, body: string): void {
  const file = path.resolve(import.meta.dirname, "..", "docs", "BENCHMARKS.md");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : "# Benchmarks\n\nRun on demand; every figure is compared with a baseline measured in the same run.\n";
  const stamped = `## ${section}\n\n_Measured ${new Date().toISOString().slice(0, 10)}._\n\n${body.trim()}\n`;
  const heading = section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, stamped) : `${current.trimEnd()}\n\n${stamped}`;
  fs.writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
}
