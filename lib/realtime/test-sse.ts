// Reads a server-sent-event response the way EventSource does, one block at a time, for the realtime tests.
export type SseBlock = { id?: number; event?: string; data?: any; comment?: string; retry?: number };

export function readSse(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";

  /** The next block, or undefined when the stream ended. */
  async function next(): Promise<SseBlock | undefined> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block: SseBlock = {};
        for (const line of buffer.slice(0, end).split("\n")) {
          const [field, value] = line.startsWith(":") ? ["comment", line.slice(1).trim()] : [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)];
          if (field === "id" || field === "retry") block[field] = Number(value);
          else if (field === "data") block.data = JSON.parse(value);
          else if (field === "event" || field === "comment") block[field] = value;
        }
        buffer = buffer.slice(end + 2);
        return block;
      }
      const { value, done } = await reader.read();
      if (done) return undefined;
      buffer += value;
    }
  }

  /** The next `count` events (blocks with an event name), skipping comments and retry hints. */
  async function events(count: number): Promise<SseBlock[]> {
    const found: SseBlock[] = [];
    while (found.length < count) {
      const block = await next();
      if (!block) throw new Error(`stream ended after ${found.length} of ${count} events`);
      if (block.event) found.push(block);
    }
    return found;
  }

  /** Every event left until the server ends the stream. */
  async function rest(): Promise<SseBlock[]> {
    const found: SseBlock[] = [];
    for (let block = await next(); block; block = await next()) if (block.event) found.push(block);
    return found;
  }

  return { next, events, rest, cancel: () => reader.cancel() };
}
