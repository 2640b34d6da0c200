/**
 * The `terraform.required_providers` entries the prebuilt provider bindings write: the source and the exact
 * provider version each binding release was generated for. Written out per release, for the releases this project
 * pins and for CDK Terrain's, which `npm run check:cdktn` installs (docs/cdk-terrain.md); the entry is picked by
 * the release installed. A binding upgrade fails here until its entry is added, after reading what it writes.
 */
import { readFileSync } from "node:fs";

interface Requirement {
  readonly source: string;
  readonly version: string;
}

const BY_RELEASE: Readonly<Record<string, Readonly<Record<string, Requirement>>>> = {
  aws: {
    // @cdktf/provider-aws 21.22.1, which ships.
    "21.22.1": { source: "aws", version: "6.25.0" },
    // @cdktn/provider-aws 25.7.0.
    "25.7.0": { source: "hashicorp/aws", version: "6.66.0" },
  },
  random: {
    // @cdktf/provider-random 12.0.1, which ships.
    "12.0.1": { source: "hashicorp/random", version: "3.7.2" },
    // @cdktn/provider-random 15.0.1.
    "15.0.1": { source: "hashicorp/random", version: "3.9.1" },
  },
  time: {
    // @cdktf/provider-time 11.0.1, with cdktf and with CDK Terrain (which has no time provider of its own).
    "11.0.1": { source: "hashicorp/time", version: "0.13.1" },
  },
};

function requirement(provider: string, manifestFile: string): Requirement {
  const { name, version } = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    name: string;
    version: string;
  };
  const found = BY_RELEASE[provider]?.[version];
  if (found === undefined) {
    throw new Error(
      `No required_providers entry for ${name} ${version} in __tests__/helpers/providers.ts`,
    );
  }
  return found;
}

/** The AWS provider as the installed binding requires it. */
export const AWS_PROVIDER = requirement("aws", require.resolve("@cdktf/provider-aws/package.json"));
/** The random provider as the installed binding requires it. */
export const RANDOM_PROVIDER = requirement(
  "random",
  require.resolve("@cdktf/provider-random/package.json"),
);
/** The time provider as the installed binding requires it. */
export const TIME_PROVIDER = requirement(
  "time",
  require.resolve("@cdktf/provider-time/package.json"),
);

/**
 * The asset hash of `sample-model/model.tar.gz` (the iris sample the sagemaker-provisioned stack uploads), by the
 * CDK library installed and by whether its future flags are on: cdktf 0.21 hashes an asset file's bytes (MD5, as
 * `md5sum` prints it); CDK Terrain 0.24 does too, unless its future flag `canonicalAssetHashes` is on, when it frames
 * them with the entry's name, mode and size first (its canonical hash). `Testing.app()` turns every future flag on;
 * the app as `main.ts` builds it has none (cdktf.json sets no context). Rebuilding the archive changes them all.
 */
const IRIS_SAMPLE_ASSET_HASHES_BY_RELEASE: Readonly<
  Record<string, { readonly app: string; readonly testingApp: string }>
> = {
  "cdktf 0.21.0": {
    app: "C4D3EFFEA266201814E0F8C6908F077D",
    testingApp: "C4D3EFFEA266201814E0F8C6908F077D",
  },
  "cdktn 0.24.0": {
    app: "C4D3EFFEA266201814E0F8C6908F077D",
    testingApp: "76B14C33D630D85215351C587A9BC2B4",
  },
};

function cdkRelease(): string {
  const { name, version } = JSON.parse(
    readFileSync(require.resolve("cdktf/package.json"), "utf8"),
  ) as { name: string; version: string };
  const release = `${name} ${version}`;
  if (IRIS_SAMPLE_ASSET_HASHES_BY_RELEASE[release] === undefined) {
    throw new Error(
      `No asset hash of the iris sample for ${release} in __tests__/helpers/providers.ts`,
    );
  }
  return release;
}

/** The iris sample's asset hash in a stack of a `Testing.app()`. */
export const IRIS_SAMPLE_ASSET_HASH = IRIS_SAMPLE_ASSET_HASHES_BY_RELEASE[cdkRelease()]!.testingApp;
/** The iris sample's asset hash in the app as `main.ts` builds it (`synthProject()`), what `cdktf synth` writes. */
export const IRIS_SAMPLE_APP_ASSET_HASH = IRIS_SAMPLE_ASSET_HASHES_BY_RELEASE[cdkRelease()]!.app;
