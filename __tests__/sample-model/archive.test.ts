/**
 * The iris sample's model.tar.gz: the committed file is what a rebuild gives, byte for byte, and it is laid out
 * as the scikit-learn image reads it. Python's tarfile and Node's zlib read it: readers other than the writer.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { irisSampleArchive } from "../../scripts/sample-model/build";
import { gzipStored, reproducibleTarGz } from "../../scripts/sample-model/tar-gz";
import { python3 } from "../helpers/python";

const ARCHIVE = "sample-model/model.tar.gz";

/** Each member of a .tar.gz as Python's tarfile reads it. */
function members(path: string): Record<string, unknown>[] {
  const script = [
    "import json, sys, tarfile",
    "with tarfile.open(sys.argv[1], mode='r:gz') as tar:",
    "    print(json.dumps([dict(name=m.name, type=m.type.decode(), mode=oct(m.mode), uid=m.uid, gid=m.gid,",
    "        uname=m.uname, gname=m.gname, mtime=m.mtime, size=m.size,",
    "        text=tar.extractfile(m).read().decode() if m.isfile() else None) for m in tar.getmembers()]))",
  ].join("\n");
  return JSON.parse(python3(["-c", script, path]).stdout) as Record<string, unknown>[];
}

describe("the iris sample's archive", () => {
  const committed = readFileSync(ARCHIVE);

  it("is what npm run sample-model builds from sample-model/model/, byte for byte", () => {
    expect(irisSampleArchive(process.cwd()).equals(committed)).toBe(true);
  });

  it("holds code/inference.py and model.json, sorted, owned by 0:0 without names, all dated 2000-01-01", () => {
    const file = (name: string, source: string) => ({
      name,
      type: "0",
      mode: "0o644",
      uid: 0,
      gid: 0,
      uname: "",
      gname: "",
      mtime: 946684800,
      size: readFileSync(source).length,
      text: readFileSync(source, "utf8"),
    });
    expect(members(ARCHIVE)).toEqual([
      {
        name: "code",
        type: "5",
        mode: "0o755",
        uid: 0,
        gid: 0,
        uname: "",
        gname: "",
        mtime: 946684800,
        size: 0,
        text: null,
      },
      file("code/inference.py", "sample-model/model/code/inference.py"),
      file("model.json", "sample-model/model/model.json"),
    ]);
  });

  it("has a gzip header without a file name, with time stamp 0 and operating system 'unknown'", () => {
    // ID1 ID2 CM=8 FLG=0 MTIME=0 0 0 0 XFL=0 OS=255.
    expect([...committed.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    // Three 512-byte headers, the two files padded to 512 bytes, two closing zero blocks.
    const padded = (path: string) => Math.ceil(readFileSync(path).length / 512) * 512;
    expect(gunzipSync(committed).length).toBe(
      3 * 512 +
        padded("sample-model/model/code/inference.py") +
        padded("sample-model/model/model.json") +
        1024,
    );
  });
});

describe("reproducibleTarGz", () => {
  it("gives the same bytes for the same entries", () => {
    const entries = [{ path: "a/" }, { path: "a/b.txt", content: Buffer.from("b\n") }];
    expect(reproducibleTarGz(entries).equals(reproducibleTarGz(entries))).toBe(true);
  });

  it("writes stored blocks that any gzip reader inflates, across the 65,535-byte block limit", () => {
    const data = Buffer.alloc(150_000, "iris");
    expect(gunzipSync(gzipStored(data)).equals(data)).toBe(true);
    expect(gunzipSync(gzipStored(Buffer.alloc(0))).length).toBe(0);
  });

  it("refuses a path tar cannot hold, or a folder that does not end in /", () => {
    expect(() =>
      reproducibleTarGz([{ path: `${"x".repeat(100)}.txt`, content: Buffer.from("") }]),
    ).toThrow(`${"x".repeat(100)}.txt: an entry's path must be printable ASCII, under 100 bytes`);
    expect(() => reproducibleTarGz([{ path: "code" }])).toThrow(
      "code: a folder's path, and only a folder's, ends in \"/\"",
    );
  });
});
