/**
 * Reads a streamed body up to `maxBytes` (an error answer, an embed, a body to drop so the connection can be reused).
 * A longer body is cut off there and the rest is not read (the stream is destroyed); `overflowed` says so.
 */
export async function readAtMost(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Buffer; overflowed: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      return { bytes: Buffer.concat(chunks, maxBytes), overflowed: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { bytes: Buffer.concat(chunks, size), overflowed: false };
}
