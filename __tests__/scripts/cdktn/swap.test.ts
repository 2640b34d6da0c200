// cdktn-swap: leave this file alone
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { applySwap, LEAVE_ALONE, swapManifest, swapSource } from "../../../scripts/cdktn/swap";

describe("swapSource", () => {
  it("renames the module names of imports, requires and require.resolve", () => {
    expect(
      swapSource(
        [
          'import { App, TerraformStack } from "cdktf";',
          'import type { Construct } from "constructs";',
          'import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";',
          "import { Id } from '@cdktf/provider-random/lib/id';",
          'import { parse } from "@cdktf/hcl2json";',
          'import { Sleep } from "@cdktf/provider-time/lib/sleep";',
          'const manifest = require.resolve("cdktf/package.json");',
          'const code = `require("cdktf")`;',
        ].join("\n"),
      ),
    ).toBe(
      [
        'import { App, TerraformStack } from "cdktn";',
        'import type { Construct } from "constructs";',
        'import { SagemakerModel } from "@cdktn/provider-aws/lib/sagemaker-model";',
        "import { Id } from '@cdktn/provider-random/lib/id';",
        'import { parse } from "@cdktn/hcl2json";',
        'import { Sleep } from "@cdktf/provider-time/lib/sleep";',
        'const manifest = require.resolve("cdktn/package.json");',
        'const code = `require("cdktn")`;',
      ].join("\n"),
    );
  });

  it("leaves other mentions of cdktf alone: file names, commands, prose and the constructs' symbols", () => {
    const code = [
      'const out = "cdktf.out";',
      'const config = join(dir, "cdktf.json");',
      "// cdktf synth writes cdktf.out/stacks/<stack>/cdk.tf.json; see @cdktf/provider-aws",
      'const key = Symbol.for("cdktf/TerraformStack");',
      'const cli = "cdktf-cli";',
      'const other = "@cdktf/provider-awsx";',
    ].join("\n");
    expect(swapSource(code)).toBe(code);
  });
});

describe("swapManifest", () => {
  it("installs the CDK Terrain packages at exact versions, keeps the time provider on cdktn, and pins constructs in cdktn's peer range", () => {
    expect(
      swapManifest({
        name: "app",
        engines: { node: ">=20.19" },
        scripts: {
          synth: "npm run build && CHECKPOINT_DISABLE=1 cdktf synth",
          get: "cdktf get",
          test: "vitest run",
          out: "ls cdktf.out",
        },
        dependencies: {
          "@cdktf/provider-aws": "21.22.1",
          "@cdktf/provider-random": "12.0.1",
          "@cdktf/provider-time": "11.0.1",
          cdktf: "0.21.0",
          constructs: "10.8.1",
        },
        devDependencies: { "@cdktf/hcl2json": "0.21.0", "cdktf-cli": "0.21.0", vitest: "4.1.12" },
      }),
    ).toEqual({
      name: "app",
      engines: { node: ">=22.19" },
      scripts: {
        synth: "npm run build && CHECKPOINT_DISABLE=1 cdktn synth",
        get: "cdktn get",
        test: "vitest run",
        out: "ls cdktf.out",
      },
      dependencies: {
        "@cdktf/provider-time": "11.0.1",
        "@cdktn/provider-aws": "25.7.0",
        "@cdktn/provider-random": "15.0.1",
        cdktn: "0.24.0",
        constructs: "10.7.2",
      },
      devDependencies: { "@cdktn/hcl2json": "0.24.0", "cdktn-cli": "0.24.0", vitest: "4.1.12" },
      overrides: { "@cdktf/provider-time": { cdktf: "npm:cdktn@0.24.0" } },
    });
  });
});

describe("applySwap", () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "swap-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it("edits package.json and the sources outside node_modules, dist and cdktf.out, and says what it changed", () => {
    const imported = 'import { App } from "cdktf";\n';
    const dir = project({
      "package.json": JSON.stringify({ dependencies: { cdktf: "0.21.0", constructs: "10.8.1" } }),
      "main.ts": imported,
      "scripts/kept.ts": `${LEAVE_ALONE}\n${imported}`,
      "stacks/a.ts": imported,
      "eslint.config.mjs": 'const name = "@cdktf/provider-aws";\n',
      "README.md": imported,
      "node_modules/x/index.ts": imported,
      "dist/main.js": 'require("cdktf");\n',
      "cdktf.out/stacks/a/x.ts": imported,
    });
    expect(applySwap(dir)).toEqual({
      sourceFiles: ["eslint.config.mjs", "main.ts", "stacks/a.ts"],
      removed: ["cdktf@0.21.0", "constructs@10.8.1"],
      added: ["cdktn@0.24.0", "constructs@10.7.2"],
    });
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n  "dependencies": {\n    "cdktn": "0.24.0",\n    "constructs": "10.7.2"\n  }\n}\n',
    );
    expect(readFileSync(join(dir, "stacks/a.ts"), "utf8")).toBe('import { App } from "cdktn";\n');
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(imported);
    expect(readFileSync(join(dir, "scripts/kept.ts"), "utf8")).toBe(`${LEAVE_ALONE}\n${imported}`);
    expect(readFileSync(join(dir, "node_modules/x/index.ts"), "utf8")).toBe(imported);
    expect(readFileSync(join(dir, "dist/main.js"), "utf8")).toBe('require("cdktf");\n');
  });

  it("changes nothing the second time", () => {
    const dir = project({
      "package.json": JSON.stringify({ dependencies: { cdktf: "0.21.0" } }),
      "main.ts": 'import { App } from "cdktf";\n',
    });
    applySwap(dir);
    const manifest = readFileSync(join(dir, "package.json"), "utf8");
    expect(applySwap(dir)).toEqual({ sourceFiles: [], removed: [], added: [] });
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(manifest);
  });
});
