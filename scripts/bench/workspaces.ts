/**
 * Temporary copies the benchmark runs against, so nothing in the project changes.
 */
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IRIS_SAMPLE_ARCHIVE } from "../../stacks/sagemaker-provisioned/iris-sample-archive";

// The AWS and time providers under any scope: `@cdktf/`, or `@cdktn/` after the CDK Terrain swap.
const PROVIDER_SUBPATH = /require\("(@[a-z0-9-]+\/provider-(?:aws|time))\/lib\/([a-z0-9-]+)"\)/g;

function camelCase(fileName: string): string {
  return fileName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Rewrites compiled `require("@cdktf/provider-aws/lib/<module>")` calls to the package root. */
export function rewriteToRootImports(code: string): { code: string; count: number } {
  let count = 0;
  const rewritten = code.replace(PROVIDER_SUBPATH, (_, provider: string, module: string) => {
    count++;
    return `require("${provider}").${camelCase(module)}`;
  });
  return { code: rewritten, count };
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

/**
 * The baseline: the project's compiled app, copied to a temporary folder, with every provider import rewritten
 * from the resource's own module (`require("@cdktf/provider-aws/lib/sagemaker-model")`) to the package root
 * (`require("@cdktf/provider-aws").sagemakerModel`), which is how the root index exposes each module. The app's
 * code and output are otherwise the same; only how much of the provider gets loaded differs.
 */
export function rootImportCopy(projectDir: string): { dir: string; rewrittenImports: number } {
  const dir = mkdtempSync(join(tmpdir(), "bench-root-imports-"));
  cpSync(join(projectDir, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(projectDir, "cdktf.json"), join(dir, "cdktf.json"));
  // What the app reads when it synthesizes: the iris sample's archive, which sagemaker-provisioned uploads.
  cpSync(join(projectDir, IRIS_SAMPLE_ARCHIVE), join(dir, IRIS_SAMPLE_ARCHIVE));
  symlinkSync(join(projectDir, "node_modules"), join(dir, "node_modules"), "dir");
  let rewrittenImports = 0;
  for (const file of jsFiles(join(dir, "dist"))) {
    const { code, count } = rewriteToRootImports(readFileSync(file, "utf8"));
    if (count > 0) writeFileSync(file, code);
    rewrittenImports += count;
  }
  if (rewrittenImports === 0)
    throw new Error("The baseline rewrote no provider import: nothing to compare");
  return { dir, rewrittenImports };
}

/** A cdktf project whose app synthesizes one empty stack: what `cdktf synth` costs with nothing to do. */
export function emptyAppCopy(projectDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-empty-app-"));
  symlinkSync(join(projectDir, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(
    join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: "node empty-app.js", sendCrashReports: "false" }),
  );
  writeFileSync(
    join(dir, "empty-app.js"),
    'const { App, TerraformStack } = require("cdktf");\nconst app = new App();\nnew TerraformStack(app, "empty");\napp.synth();\n',
  );
  return dir;
}
