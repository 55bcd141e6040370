// A TCP proxy between a test server and PostgreSQL, to stand for a database that restarts or a network that fails
// without touching the machine's shared PostgreSQL cluster.
import net from "node:net";

/** open: forward; refuse: drop every connection at once (a restarting server); hang: accept and never answer. */
export type ProxyMode = "open" | "refuse" | "hang";

export type TcpProxy = { port: number; setMode: (mode: ProxyMode) => void; close: () => Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "open";
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const server = net.createServer((client) => {
    track(client);
    if (mode === "refuse") return void client.destroy();
    if (mode === "hang") return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    port: (server.address() as net.AddressInfo).port,
    setMode(next) {
      mode = next;
      // Any change cuts what is open: connections made while hanging were never forwarded, and cut ones are gone.
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
