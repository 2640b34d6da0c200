import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { deferDependencies } from "../../../modules/core/deferred-dependencies";

/**
 * A package `host` in a fresh folder that requires `callable` (a function with a property) and `plain` (an
 * object) at the top of its file, the way cdktf requires archiver and semver. Each dependency counts its loads
 * in a global, so the test sees exactly when Node runs it.
 */
function hostPackage(): { hostFile: string; loads: () => Record<string, number> } {
  const root = mkdtempSync(join(tmpdir(), "deferred-"));
  const id = root.replace(/\W/g, "_");
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const counter = (name: string) =>
    `globalThis.${id} ??= {}; globalThis.${id}.${name} = (globalThis.${id}.${name} ?? 0) + 1;`;
  write("node_modules/host/package.json", '{"name":"host","main":"index.js"}');
  write(
    "node_modules/host/index.js",
    `const callable = require("callable"); const plain = require("plain");
     exports.double = (x) => callable(x); exports.version = () => callable.version;
     exports.triple = (x) => plain.triple(x); exports.make = () => new callable.Box(7);`,
  );
  write(
    "node_modules/host/node_modules/callable/index.js",
    `${counter("callable")} module.exports = (x) => 2 * x; module.exports.version = "1.2.3";
     module.exports.Box = class { constructor(v) { this.v = v; } };`,
  );
  write(
    "node_modules/host/node_modules/plain/index.js",
    `${counter("plain")} exports.triple = (x) => 3 * x;`,
  );
  const loads = () =>
    (globalThis as unknown as Record<string, Record<string, number> | undefined>)[id] ?? {};
  return { hostFile: join(root, "node_modules/host/package.json"), loads };
}

describe("deferDependencies", () => {
  let host: ReturnType<typeof hostPackage>;
  beforeEach(() => {
    host = hostPackage();
  });

  it("without it, requiring the package loads its dependencies", () => {
    createRequire(host.hostFile)("host");
    expect(host.loads()).toEqual({ callable: 1, plain: 1 });
  });

  it("loads each dependency on first use, once, and forwards calls, properties and `new` to it", () => {
    expect(deferDependencies(host.hostFile, ["callable", "plain"])).toEqual(["callable", "plain"]);
    const loaded = createRequire(host.hostFile)("host") as {
      double(x: number): number;
      version(): string;
      triple(x: number): number;
      make(): { v: number };
    };
    expect(host.loads()).toEqual({});

    expect(loaded.double(21)).toBe(42);
    expect(host.loads()).toEqual({ callable: 1 });
    expect(loaded.version()).toBe("1.2.3");
    expect(loaded.make().v).toBe(7);
    expect(loaded.triple(5)).toBe(15);
    expect(host.loads()).toEqual({ callable: 1, plain: 1 });
  });

  it("hands the real module to later `require` calls once it has loaded", () => {
    deferDependencies(host.hostFile, ["callable"]);
    const requireFromHost = createRequire(createRequire(host.hostFile).resolve("host"));
    const standIn = requireFromHost("callable") as (x: number) => number;
    expect(standIn(1)).toBe(2);
    const real = requireFromHost("callable") as (x: number) => number;
    expect(real).not.toBe(standIn);
    expect(real.toString()).toBe("(x) => 2 * x");
    expect(host.loads()).toEqual({ callable: 1 });
  });

  it("leaves alone a dependency that is loaded already or cannot be found", () => {
    createRequire(createRequire(host.hostFile).resolve("host"))("plain");
    expect(deferDependencies(host.hostFile, ["plain", "no-such-package", "callable"])).toEqual([
      "callable",
    ]);
  });
});
