// Preloaded into the server (NODE_OPTIONS=--require, which refuses --cpu-prof) when BENCH_CPU_PROF is set: profiles
// the whole process and writes a .cpuprofile (open in Chrome DevTools or speedscope) into that directory on exit.
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");

const dir = process.env.BENCH_CPU_PROF;
const session = new inspector.Session();
session.connect();
session.post("Profiler.setSamplingInterval", { interval: 1000 });
session.post("Profiler.enable");
session.post("Profiler.start");
process.on("exit", () => {
  // The main-thread session answers synchronously, so this completes inside the exit handler.
  session.post("Profiler.stop", (error, result) => {
    if (error) return console.error(`cpu profile: ${error.message}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `server-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    console.log(`cpu profile written to ${file}`);
  });
});
