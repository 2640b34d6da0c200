/**
 * A whole stack's synthesized JSON as a reviewed file (`toMatchFileSnapshot`), for the stacks whose tests would
 * otherwise spell out every block by hand. The file is the stack's JSON in the app as `main.ts` builds it
 * (`synthProject()`), as `Testing.synth` gives JSON (keys sorted, no `//` metadata), formatted by Prettier as the
 * project's other files are. What depends on the installed CDK release is checked here, against `providers.ts`, and
 * written as a placeholder, so the same file holds on cdktf and on CDK Terrain: `terraform.required_providers` and
 * the iris sample's asset hash.
 */
import { isDeepStrictEqual } from "node:util";
import { format, resolveConfig } from "prettier";
import {
  AWS_PROVIDER,
  IRIS_SAMPLE_APP_ASSET_HASH,
  RANDOM_PROVIDER,
  TIME_PROVIDER,
} from "./providers";
import type { SynthesizedStack } from "./synth";

const REQUIREMENTS: Readonly<Record<string, unknown>> = {
  aws: AWS_PROVIDER,
  random: RANDOM_PROVIDER,
  time: TIME_PROVIDER,
};

/** The text of the snapshot file of `json`, a stack of the app as `main.ts` builds it. */
export async function stackSnapshot(json: SynthesizedStack): Promise<string> {
  const terraform = json.terraform as { required_providers?: Record<string, unknown> } | undefined;
  const requiredProviders = Object.fromEntries(
    Object.entries(terraform?.required_providers ?? {}).map(([name, requirement]) => [
      name,
      isDeepStrictEqual(requirement, REQUIREMENTS[name])
        ? `<the installed ${name} binding's, __tests__/helpers/providers.ts>`
        : requirement,
    ]),
  );
  const text = JSON.stringify({
    ...json,
    terraform: { ...terraform, required_providers: requiredProviders },
  }).replaceAll(IRIS_SAMPLE_APP_ASSET_HASH, "<IRIS_SAMPLE_ASSET_HASH>");
  return format(text, { ...(await resolveConfig("snapshot.json")), parser: "json" });
}
