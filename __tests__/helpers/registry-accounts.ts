/**
 * What the tests expect of the region -> registry account tables (modules/images/registry-accounts.ts), written
 * out by hand from the SageMaker Python SDK's image_uri_config files (and ../shared/spec/data), never computed
 * with the tables under test.
 */
import { expect } from "vitest";

/** The regions with a HuggingFace inference image, as the stacks' messages list them. */
export const HUGGINGFACE_INFERENCE_REGIONS =
  "af-south-1, ap-east-1, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ca-central-1, ca-west-1, cn-north-1, cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, me-south-1, sa-east-1, us-east-1, us-east-2, us-gov-east-1, us-gov-west-1, us-iso-east-1, us-isob-east-1, us-west-1, us-west-2";

/** The regions with a SageMaker scikit-learn image, as the stacks' messages list them. */
export const SKLEARN_INFERENCE_REGIONS =
  "af-south-1, ap-east-1, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-south-1, ap-south-2, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-southeast-4, ca-central-1, ca-west-1, cn-north-1, cn-northwest-1, eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3, il-central-1, me-central-1, me-south-1, sa-east-1, us-east-1, us-east-2, us-gov-east-1, us-gov-west-1, us-iso-east-1, us-isob-east-1, us-isof-east-1, us-isof-south-1, us-west-1, us-west-2";

/** A handful of HuggingFace inference accounts: the common one, opt-in regions with their own, China, GovCloud. */
export const HUGGINGFACE_INFERENCE_PINNED: Readonly<Record<string, string>> = {
  "us-east-1": "763104351884",
  "eu-central-2": "380420809688",
  "me-central-1": "914824155844",
  "cn-north-1": "727897471807",
  "us-gov-west-1": "442386744353",
};

/** A handful of scikit-learn accounts: a different one in every region. */
export const SKLEARN_INFERENCE_PINNED: Readonly<Record<string, string>> = {
  "us-east-1": "683313688378",
  "eu-west-1": "141502667606",
  "il-central-1": "898809789911",
  "cn-northwest-1": "451049120500",
  "us-isof-south-1": "124985052026",
};

/** Expects a synthesized registry table: the regions `regions` lists, and the pinned accounts. */
export function expectRegistryTable(
  table: unknown,
  regions: string,
  pinned: Readonly<Record<string, string>>,
): void {
  const accounts = table as Record<string, string>;
  expect(Object.keys(accounts).sort().join(", ")).toBe(regions);
  expect(accounts).toMatchObject(pinned);
  expect(Object.values(accounts).every((account) => /^[0-9]{12}$/.test(account))).toBe(true);
}
