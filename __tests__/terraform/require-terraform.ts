/**
 * Stops `npm run test:terraform` before any test when terraform is not usable, with one plain sentence and a
 * non-zero exit code (instead of every test failing on a spawn error).
 */
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";

export default function requireTerraform(): void {
  const terraform = new OfflineTerraform();
  try {
    const found = terraform.version();
    if ("missing" in found) {
      console.error(`\nnpm run test:terraform: ${found.missing}\n`);
      process.exit(1);
    }
  } finally {
    terraform.dispose();
  }
}
