import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite has no lock of its own, and two processes on one directory silently corrupt it. We hold a lock directory
// (mkdir is atomic) with the owner's pid inside; a lock left by a process that no longer exists is taken over.

type Owner = { pid: number; host: string; startedAt: string };

export class DataDirLockedError extends Error {
  constructor(dataDir: string, owner: Owner | undefined) {
    const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.startedAt})` : "another process";
    super(
      `DATA_DIR ${dataDir} is in use by ${who}. Only one NormFlix process may use an embedded database at a time: ` +
        `stop the other one, or point DATA_DIR elsewhere. If no NormFlix process is running, remove ${lockPath(dataDir)}.`,
    );
    this.name = "DataDirLockedError";
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, ".lock");

function readOwner(dir: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "owner.json"), "utf8")) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the exclusive lock on `dataDir`; returns the function that releases it. */
export function acquireDataDirLock(dataDir: string): () => void {
  const dir = lockPath(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(dir);
      // Without owner.json the lock is being taken right now by someone else: never steal it.
      const stale = owner !== undefined && owner.host === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
      if (!stale || attempt > 0) throw new DataDirLockedError(dataDir, owner);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const owner: Owner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, "owner.json"), JSON.stringify(owner));

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readOwner(dir)?.pid === process.pid) fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", release);
  return release;
}
