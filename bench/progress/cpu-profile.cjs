// Preloaded into the bench's server (NODE_OPTIONS=--require, which refuses --cpu-prof) when BENCH_CPU_PROF is set.
// Each SIGUSR2 toggles the V8 CPU profiler: the first starts it, the second writes what it sampled to
// BENCH_CPU_PROF/server-<pid>-<n>.cpuprofile (open in Chrome DevTools or speedscope) and prints the file's name.
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.BENCH_CPU_PROF;
const session = new inspector.Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 500 });
let running = false;
let written = 0;

process.on("SIGUSR2", () => {
  if (!running) {
    running = true;
    session.post("Profiler.start");
    return;
  }
  running = false;
  session.post("Profiler.stop", (error, result) => {
    if (error) return console.error(`cpu profile: ${error.message}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `server-${process.pid}-${++written}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    console.log(`cpu profile written to ${file}`);
  });
});
