/**
 * Bytes to text: strict UTF-8, no BOM, LF line ends. All body offsets point into this
 * normalised text (CRLF and lone CR become LF, so an offset never lands between CR and LF).
 */

/** Why bytes are not a text file, or undefined when they are one. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'is a binary file (it contains NUL bytes), not text';
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    // C0 controls other than tab, LF, FF, CR; text almost never has them.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  if (bytes.length > 0 && control / bytes.length > 0.1) {
    return 'is a binary file (mostly control characters), not text';
  }
  return undefined;
}

/** Decode UTF-8 strictly; returns undefined on invalid byte sequences. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: false makes the decoder drop a leading byte-order mark.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** CRLF and lone CR to LF. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
