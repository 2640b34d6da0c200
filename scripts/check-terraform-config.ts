/**
 * `npm run check:terraform-config`: `terraform init -backend=false`, offline, on every stack synthesized as JSON
 * and as HCL; fails on any configuration error or warning (scripts/terraform/configuration-check.ts).
 */
import { checkProject } from "./terraform/configuration-check";

try {
  process.exitCode = checkProject(process.cwd(), (text) => process.stdout.write(text));
} catch (error) {
  // A synth that failed: what cdktf printed is the message.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
