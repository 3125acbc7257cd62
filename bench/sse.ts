/** Reads a Server-Sent Events body to its end, calling `onEvent` with each message's event name and data. */
export async function readSse(
  body: AsyncIterable<Uint8Array>,
  onEvent: (event: string | undefined, data: string | undefined) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onEvent(/^event: (\w+)$/m.exec(message)?.[1], /^data: (.*)$/m.exec(message)?.[1]);
    }
  }
}
