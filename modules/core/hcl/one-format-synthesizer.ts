/**
 * `cdktf synth` writes `cdk.tf.json` and `cdktf synth --hcl` writes `cdk.tf` (and `metadata.json`) into the same
 * stack folder, and neither removes the other's file: after both, Terraform reads both, and the next
 * `cdktf diff` or `deploy` fails with "Duplicate resource" and "Duplicate backend configuration".
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Manifest, type TerraformStack } from "cdktf";

/** The files of the format a synth does not write, in a stack's folder. */
export function otherFormatFiles(hclOutput: boolean): readonly string[] {
  return hclOutput ? ["cdk.tf.json"] : ["cdk.tf", Manifest.stackMetadataPath];
}

/** Makes every synth of `stack` remove the other format's files from the stack's folder once it has written its own. */
export function writeOneFormatOnly(stack: TerraformStack): void {
  const synthesizer = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session) {
      synthesizer.synthesize(session);
      const folder = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      for (const file of otherFormatFiles(session.manifest.hclOutput)) {
        rmSync(join(folder, file), { force: true });
      }
    },
  };
}
