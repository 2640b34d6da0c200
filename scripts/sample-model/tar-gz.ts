import { crc32 } from "node:zlib";

/**
 * A reproducible `.tar.gz`: the same entries give the same bytes on every machine, whatever its clock, user, umask,
 * file system or zlib.
 *
 * The tar part is POSIX ustar (POSIX.1-1988, pax's "ustar Interchange Format"): entries in the order given, every
 * time stamp `ARCHIVE_MTIME`, owner and group 0 without names, mode 0644 for files and 0755 for folders, no
 * padding to a tape record. The gzip part (RFC 1952) has no file name, time stamp 0 and operating system 255
 * (unknown), and its deflate stream (RFC 1951) uses stored blocks only: compressed blocks would depend on the zlib
 * build that made them, and the sample's archive is a few kilobytes.
 */

/** The time stamp of every entry: 2000-01-01T00:00:00Z. Not 0: a wheel (zip) cannot hold times before 1980. */
export const ARCHIVE_MTIME = 946_684_800;

/** One entry of the archive. */
export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated, ASCII, under 100 bytes; a folder's ends in `/`. */
  readonly path: string;
  /** A file's contents; none for a folder. */
  readonly content?: Buffer;
}

const BLOCK = 512;
/** The longest stored deflate block (its length field has 16 bits). */
const STORED_BLOCK_MAX = 0xffff;

/** The `.tar.gz` of `entries`, in the order given. */
export function reproducibleTarGz(entries: readonly ArchiveEntry[]): Buffer {
  return gzipStored(tar(entries));
}

/** A ustar archive of `entries`, ended by two zero blocks. */
export function tar(entries: readonly ArchiveEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.content ?? Buffer.alloc(0);
    parts.push(header(entry), content, Buffer.alloc((BLOCK - (content.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function header(entry: ArchiveEntry): Buffer {
  const folder = entry.content === undefined;
  if (folder !== entry.path.endsWith("/")) {
    throw new Error(`${entry.path}: a folder's path, and only a folder's, ends in "/"`);
  }
  if (!/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(entry.path) || entry.path.length >= 100) {
    throw new Error(`${entry.path}: an entry's path must be printable ASCII, under 100 bytes`);
  }
  const block = Buffer.alloc(BLOCK);
  block.write(entry.path, 0, "ascii");
  octal(block, 100, 8, folder ? 0o755 : 0o644);
  octal(block, 108, 8, 0); // uid
  octal(block, 116, 8, 0); // gid
  octal(block, 124, 12, entry.content?.length ?? 0);
  octal(block, 136, 12, ARCHIVE_MTIME);
  block.fill(" ", 148, 156); // the checksum counts its own field as spaces
  block.write(folder ? "5" : "0", 156, "ascii");
  block.write("ustar\0" + "00", 257, "ascii"); // magic and version; uname and gname stay empty
  octal(block, 329, 8, 0); // devmajor
  octal(block, 337, 8, 0); // devminor
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  block.write(`${checksum.toString(8).padStart(6, "0")}\0`, 148, "ascii");
  return block;
}

/** `value` in octal, zero-padded, ending in NUL, in the `length` bytes at `offset`. */
function octal(block: Buffer, offset: number, length: number, value: number): void {
  const digits = value.toString(8).padStart(length - 1, "0");
  if (digits.length > length - 1) throw new Error(`${value} does not fit a tar field`);
  block.write(`${digits}\0`, offset, "ascii");
}

/** A gzip member holding `data` in stored deflate blocks. */
export function gzipStored(data: Buffer): Buffer {
  // ID1 ID2, CM 8 (deflate), FLG 0 (no name, comment or extra), MTIME 0, XFL 0, OS 255 (unknown).
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])];
  let offset = 0;
  do {
    const length = Math.min(STORED_BLOCK_MAX, data.length - offset);
    const final = offset + length >= data.length;
    const block = Buffer.alloc(5);
    block[0] = final ? 1 : 0; // BFINAL, BTYPE 00 (stored), then padding to the byte
    block.writeUInt16LE(length, 1);
    block.writeUInt16LE(~length & 0xffff, 3);
    parts.push(block, data.subarray(offset, offset + length));
    offset += length;
  } while (offset < data.length);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
