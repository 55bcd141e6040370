// The gate in front of a channel's RTMP listener, over real sockets, with a plain TCP echo standing in for ffmpeg: it
// hands one admitted publisher on at a time, knows its address, and closes refused ones without reaching the listener.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/test/server-process";
import { openRtmpGate, plainAddress, type RtmpGate } from "./rtmp-gate";

let gate: RtmpGate | undefined;
let inner: net.Server | undefined;
afterEach(async () => {
  await gate?.close();
  await new Promise((resolve) => (inner ? inner.close(resolve) : resolve(undefined)));
  gate = inner = undefined;
});

/** An echo server on the gate's loopback port, counting the connections it gets (ffmpeg's place). */
function listenBehind(port: number) {
  const reached: net.Socket[] = [];
  inner = net.createServer((socket) => {
    reached.push(socket);
    socket.pipe(socket);
  });
  return new Promise<net.Socket[]>((resolve) => inner!.listen(port, "127.0.0.1", () => resolve(reached)));
}

/** Connects, sends `text`, and answers what came back before the connection closed (or `waitMs` passed). */
function exchange(port: number, host: string, text: string, waitMs = 1_000) {
  return new Promise<{ echoed: string; closed: boolean; socket: net.Socket }>((resolve) => {
    const socket = net.connect(port, host);
    let echoed = "";
    let closed = false;
    socket.on("data", (chunk) => (echoed += chunk.toString()));
    socket.on("error", () => undefined);
    socket.once("close", () => (closed = true));
    socket.once("connect", () => socket.write(text));
    setTimeout(() => resolve({ echoed, closed, socket }), waitMs);
  });
}

describe("the RTMP gate", () => {
  it("hands an admitted publisher to the listener behind it and knows its address; one at a time", async () => {
    const asked: string[] = [];
    const port = await freePort();
    gate = await openRtmpGate({ port, admit: (address) => (asked.push(address), true) });
    const reached = await listenBehind(gate.innerPort);

    const first = await exchange(port, "127.0.0.1", "hello");
    expect(first).toMatchObject({ echoed: "hello", closed: false });
    expect(asked).toEqual(["127.0.0.1"]);
    expect(gate.publisher()).toBe("127.0.0.1");

    // A second publisher while the first is on: closed at once, never handed on.
    const second = await exchange(port, "::1", "again", 500);
    expect(second).toMatchObject({ echoed: "", closed: true });
    expect(reached).toHaveLength(1);

    // The listener ending the feed (as ffmpeg does on a wrong key) closes the publisher too, and frees the gate.
    reached[0].destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.socket.destroyed || first.socket.readableEnded).toBe(true);
    expect(gate.publisher()).toBeUndefined();
    expect((await exchange(port, "::1", "next")).echoed).toBe("next");
    expect(gate.publisher()).toBe("::1");
  });

  it("closes a refused publisher before the listener hears of it, and waits for a listener that is restarting", async () => {
    const port = await freePort();
    gate = await openRtmpGate({ port, admit: (address) => address !== "::1" });
    const refused = await exchange(port, "::1", "let me in", 500);
    expect(refused).toMatchObject({ echoed: "", closed: true });

    // Nobody listens behind yet (ffmpeg starting again): the publisher is held until it does.
    const pending = exchange(port, "127.0.0.1", "early", 1_500);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const reached = await listenBehind(gate.innerPort);
    expect(await pending).toMatchObject({ echoed: "early", closed: false });
    expect(reached).toHaveLength(1);
  });

  it("names IPv4 publishers the same on a dual-stack socket", () => {
    expect(plainAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(plainAddress("::1")).toBe("::1");
    expect(plainAddress(undefined)).toBe("unknown");
  });
});
