// The door in front of a channel's RTMP listener. ffmpeg's `-listen 1` accepts any connection and never says where
// it came from, and it checks the stream key only by logging a mismatch once the publisher has sent `publish`. So the
// channel's public port is this small TCP relay instead: it sees each publisher's address, asks `admit` before
// handing the connection to ffmpeg (listening on a loopback port of its own), and can cut off the publisher it
// handed on. The key is still judged by ffmpeg (feed.ts reads its log); what the gate adds is who it was, so wrong
// keys are counted per address and an address over its limit is refused here, before ffmpeg is disturbed.
import net from "node:net";
import { freeLoopbackPort } from "@/lib/free-port";

export type RtmpGateOptions = {
  /** The public port publishers connect to (all interfaces). */
  port: number;
  /** Whether a publisher from this address may reach ffmpeg; false closes its connection at once. */
  admit: (address: string) => Promise<boolean> | boolean;
  /** How long a publisher may wait for ffmpeg to listen (it restarts after every feed). */
  connectTimeoutMs?: number;
};

export type RtmpGate = {
  /** The loopback port ffmpeg must listen on. */
  innerPort: number;
  /** The address of the publisher handed to ffmpeg now, if any. */
  publisher(): string | undefined;
  close(): Promise<void>;
};

/** "::ffff:10.0.0.1" → "10.0.0.1": one key per IPv4 publisher whichever socket family accepted it. */
export const plainAddress = (address: string | undefined) => (address ?? "unknown").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/** Connects to ffmpeg's loopback port, retrying while it is (re)starting; undefined when it never listens in time. */
async function reachInner(port: number, timeoutMs: number, cancelled: () => boolean): Promise<net.Socket | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (!cancelled()) {
    const socket = await new Promise<net.Socket | undefined>((resolve) => {
      const attempt = net.connect(port, "127.0.0.1");
      attempt.once("connect", () => resolve(attempt));
      attempt.once("error", () => resolve(undefined));
    });
    if (socket) return socket;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Listens on `options.port`; rejects when the port cannot be had (another process holds it). */
export async function openRtmpGate(options: RtmpGateOptions): Promise<RtmpGate> {
  const innerPort = await freeLoopbackPort();
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const open = new Set<net.Socket>();
  let current: { address: string } | undefined;

  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
    void handOn(socket);
  });

  async function handOn(socket: net.Socket) {
    const address = plainAddress(socket.remoteAddress);
    // ffmpeg serves one publisher per port: a second one waits for nothing, as with ffmpeg alone.
    if (current || !(await options.admit(address)) || current || socket.destroyed) return void socket.destroy();
    const handed = { address };
    current = handed;
    const inner = await reachInner(innerPort, connectTimeoutMs, () => socket.destroyed);
    if (!inner || socket.destroyed) {
      inner?.destroy();
      socket.destroy();
      if (current === handed) current = undefined;
      return;
    }
    open.add(inner);
    const end = () => {
      socket.destroy();
      inner.destroy();
      open.delete(inner);
      if (current === handed) current = undefined;
    };
    socket.once("close", end);
    inner.once("close", end);
    inner.on("error", end);
    socket.pipe(inner);
    inner.pipe(socket);
    socket.resume();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    innerPort,
    publisher: () => current?.address,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
