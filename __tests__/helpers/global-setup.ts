/**
 * Fails the run when the suite leaves anything behind: `cdktf.outdir.*` folders in the system temp dir or
 * Terraform state files in the project.
 */
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";

function leftovers(): string[] {
  const temp = readdirSync(tmpdir())
    .filter((name) => name.startsWith("cdktf.outdir.") || name.startsWith("sagemaker-cdktf-test-"))
    .map((name) => `${tmpdir()}/${name}`);
  const state = readdirSync(process.cwd()).filter((name) => /^terraform\..*\.tfstate/.test(name));
  return [...temp, ...state];
}

export default function setup(): () => void {
  const before = new Set(leftovers());
  return () => {
    const added = leftovers().filter((path) => !before.has(path));
    if (added.length > 0) {
      throw new Error(`The test suite left files behind:\n  ${added.join("\n  ")}`);
    }
  };
}
