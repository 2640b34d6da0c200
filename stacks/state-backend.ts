/**
 * Where each stack keeps its Terraform state, chosen by environment variables: local files (the default, as
 * the originals do), an S3 bucket with native locking, or HCP Terraform. A team switches without changing code,
 * and every machine and CI job that sets the same variables writes the same backend.
 *
 * Environment variables rather than cdktf context: they reach `cdktf synth`/`deploy`, the npm scripts and CI
 * secrets alike, and they keep a bucket or organization that differs per account or team out of the checked-in
 * `cdktf.json`. The names are in {@link STATE_VARIABLES}; docs/team-state.md explains them.
 */
import {
  Annotations,
  CloudBackend,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  type S3BackendConfig,
  type TerraformStack,
} from "cdktf";
import { KMS_ALIAS, KMS_ARN_PREFIX } from "../modules/core/limits/kms";
import { REGION } from "../modules/core/limits/region";
import { S3_BUCKET_NAME } from "../modules/core/limits/s3";
import { oneOf } from "../modules/core/rules";
import { Problems } from "../modules/core/validation";

/** The environment variables that choose and configure the state backend. */
export const STATE_VARIABLES = {
  backend: "SAGEMAKER_STATE_BACKEND",
  s3Bucket: "SAGEMAKER_STATE_S3_BUCKET",
  s3Region: "SAGEMAKER_STATE_S3_REGION",
  s3KeyPrefix: "SAGEMAKER_STATE_S3_KEY_PREFIX",
  s3KmsKeyId: "SAGEMAKER_STATE_S3_KMS_KEY_ID",
  s3UseLockfile: "SAGEMAKER_STATE_S3_USE_LOCKFILE",
  hcpOrganization: "SAGEMAKER_STATE_HCP_ORGANIZATION",
  hcpWorkspacePrefix: "SAGEMAKER_STATE_HCP_WORKSPACE_PREFIX",
  hcpHostname: "SAGEMAKER_STATE_HCP_HOSTNAME",
} as const;

/** What every name in {@link STATE_VARIABLES} starts with; any other variable with it is a mistake. */
const VARIABLE_PREFIX = "SAGEMAKER_STATE_";

export const STATE_BACKENDS = ["local", "s3", "hcp"] as const;
export type StateBackendKind = (typeof STATE_BACKENDS)[number];

/** The variables each backend reads besides {@link STATE_VARIABLES.backend}. */
const BACKEND_VARIABLES: Readonly<Record<StateBackendKind, readonly string[]>> = {
  local: [],
  s3: [
    STATE_VARIABLES.s3Bucket,
    STATE_VARIABLES.s3Region,
    STATE_VARIABLES.s3KeyPrefix,
    STATE_VARIABLES.s3KmsKeyId,
    STATE_VARIABLES.s3UseLockfile,
  ],
  hcp: [
    STATE_VARIABLES.hcpOrganization,
    STATE_VARIABLES.hcpWorkspacePrefix,
    STATE_VARIABLES.hcpHostname,
  ],
};

/** The Terraform version every stack requires (`terraform { required_version }`). */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.5";
/** The Terraform version a stack requires when its S3 backend locks with a lock file (`use_lockfile`, 1.10). */
export const LOCKFILE_TERRAFORM_VERSION = ">= 1.10";

/** @default key prefix in the bucket: the state of stack `<stack>` is `<prefix>/<stack>/terraform.tfstate`. */
export const DEFAULT_S3_KEY_PREFIX = "sagemaker-inference";
/** @default HCP Terraform workspace prefix: the workspace of stack `<stack>` is `<prefix><stack>`. */
export const DEFAULT_HCP_WORKSPACE_PREFIX = "sagemaker-inference-";

/**
 * Where a stack keeps its local state: `terraform.<stack>.tfstate` in the project root.
 *
 * cdktf runs terraform inside `cdktf.out/stacks/<stack>/`, so the path is relative to that folder. A relative
 * path keeps the synthesized JSON identical on every machine (cdktf's default is an absolute path), and
 * cross-stack references read the producer's state through the same relative path.
 */
export function localStatePath(stackId: string): string {
  return `../../../terraform.${stackId}.tfstate`;
}

/** The S3 key of a stack's state. */
export function s3StateKey(keyPrefix: string, stackId: string): string {
  return `${keyPrefix}/${stackId}/terraform.tfstate`;
}

/** The state settings the environment chose, checked. */
export type StateSettings =
  | { readonly backend: "local" }
  | {
      readonly backend: "s3";
      readonly bucket: string;
      readonly region: string;
      readonly keyPrefix: string;
      readonly kmsKeyId?: string;
      readonly useLockfile: boolean;
    }
  | {
      readonly backend: "hcp";
      readonly organization: string;
      readonly workspacePrefix: string;
      readonly hostname?: string;
    };

/** An S3 backend configuration; cdktf 0.21's type predates `use_lockfile` (Terraform 1.10), which it passes on. */
interface S3StateConfig extends S3BackendConfig {
  readonly useLockfile?: boolean;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Adds the backend the environment chose to `stack`, and returns the Terraform version it needs. Cross-stack
 * references read the producing stack's state through its backend, with the same settings. Call it first, before
 * anything is added to the stack (it may set the stack's context).
 *
 * @throws ValidationError naming the stack, every variable that is wrong, its value and what is allowed; no
 * backend is added then.
 */
export function addStateBackend(
  stack: TerraformStack,
  env: Environment = process.env,
): { readonly requiredTerraformVersion: string } {
  const stackId = stack.node.id;
  const settings = stateSettings(env, stack);
  switch (settings.backend) {
    case "local":
      new LocalBackend(stack, { path: localStatePath(stackId) });
      return { requiredTerraformVersion: REQUIRED_TERRAFORM_VERSION };
    case "s3": {
      const config: S3StateConfig = {
        bucket: settings.bucket,
        key: s3StateKey(settings.keyPrefix, stackId),
        region: settings.region,
        encrypt: true,
        ...(settings.kmsKeyId === undefined ? {} : { kmsKeyId: settings.kmsKeyId }),
        ...(settings.useLockfile ? { useLockfile: true } : {}),
      };
      if (settings.useLockfile) {
        // CDK Terrain checks a backend's features against the Terraform versions the project says it targets
        // (context `targetVersions`; by default every Terraform from 1.5.7 and OpenTofu from 1.6) and refuses
        // the lock file below 1.10. Declare what required_version says. cdktf does not read it.
        stack.node.setContext("targetVersions", { terraform: LOCKFILE_TERRAFORM_VERSION });
      }
      new S3Backend(stack, config);
      if (!settings.useLockfile) {
        Annotations.of(stack).addWarning(
          `State in S3 without locking (${STATE_VARIABLES.s3UseLockfile}=false): two runs at the same time can ` +
            "overwrite each other's state. Leave it unset (true) with terraform >= 1.10.",
        );
      }
      return {
        requiredTerraformVersion: settings.useLockfile
          ? LOCKFILE_TERRAFORM_VERSION
          : REQUIRED_TERRAFORM_VERSION,
      };
    }
    case "hcp":
      new CloudBackend(stack, {
        organization: settings.organization,
        workspaces: new NamedCloudWorkspace(`${settings.workspacePrefix}${stackId}`),
        ...(settings.hostname === undefined ? {} : { hostname: settings.hostname }),
      });
      return { requiredTerraformVersion: REQUIRED_TERRAFORM_VERSION };
  }
}

/**
 * The state settings in `env` for `stack`, every variable checked. An empty variable counts as not set.
 *
 * @throws ValidationError under the stack's path when anything is wrong.
 */
export function stateSettings(env: Environment, stack: TerraformStack): StateSettings {
  const stackId = stack.node.id;
  const value = (name: string): string | undefined => (env[name] === "" ? undefined : env[name]);
  const problems = new Problems();
  const backend = value(STATE_VARIABLES.backend) ?? "local";
  problems.check(STATE_VARIABLES.backend, backend, oneOf(STATE_BACKENDS));
  const chosen = (STATE_BACKENDS as readonly string[]).includes(backend)
    ? (backend as StateBackendKind)
    : undefined;

  // Each value's own format, whichever backend is chosen.
  problems
    .check(STATE_VARIABLES.s3Bucket, value(STATE_VARIABLES.s3Bucket), S3_BUCKET_NAME)
    .check(STATE_VARIABLES.s3Region, value(STATE_VARIABLES.s3Region), REGION)
    .check(STATE_VARIABLES.s3KeyPrefix, value(STATE_VARIABLES.s3KeyPrefix), s3KeyPrefix(stackId))
    .check(STATE_VARIABLES.s3KmsKeyId, value(STATE_VARIABLES.s3KmsKeyId), s3StateKmsKey)
    .check(STATE_VARIABLES.s3UseLockfile, value(STATE_VARIABLES.s3UseLockfile), oneOf(BOOLEANS))
    .check(STATE_VARIABLES.hcpOrganization, value(STATE_VARIABLES.hcpOrganization), hcpOrganization)
    .check(
      STATE_VARIABLES.hcpWorkspacePrefix,
      value(STATE_VARIABLES.hcpWorkspacePrefix),
      hcpWorkspacePrefix(stackId),
    )
    .check(STATE_VARIABLES.hcpHostname, value(STATE_VARIABLES.hcpHostname), hostname);

  if (chosen !== undefined) {
    // A variable of another backend would be silently ignored: most likely the backend was not switched.
    for (const [other, names] of Object.entries(BACKEND_VARIABLES)) {
      if (other === chosen) continue;
      for (const name of names.filter((n) => value(n) !== undefined)) {
        problems.add(
          name,
          env[name],
          `not set while ${STATE_VARIABLES.backend} is "${chosen}" (it configures the "${other}" backend)`,
        );
      }
    }
    const required = (name: string, allowed: string): void => {
      if (value(name) === undefined) {
        problems.add(
          name,
          undefined,
          `${allowed}; required when ${STATE_VARIABLES.backend} is "${chosen}"`,
        );
      }
    };
    if (chosen === "s3") {
      required(STATE_VARIABLES.s3Bucket, "the name of the S3 bucket that keeps the state");
      required(STATE_VARIABLES.s3Region, "the AWS region of that bucket, such as us-east-1");
    }
    if (chosen === "hcp") {
      required(STATE_VARIABLES.hcpOrganization, "the HCP Terraform organization");
    }
  }
  const known = new Set<string>(Object.values(STATE_VARIABLES));
  for (const name of Object.keys(env).sort()) {
    if (name.startsWith(VARIABLE_PREFIX) && !known.has(name) && value(name) !== undefined) {
      problems.add(
        name,
        env[name],
        `no such variable: the state backend reads ${[...known].join(", ")}`,
      );
    }
  }
  problems.throwIfAny(stack);

  switch (chosen) {
    case "s3": {
      const kmsKeyId = value(STATE_VARIABLES.s3KmsKeyId);
      return {
        backend: "s3",
        bucket: value(STATE_VARIABLES.s3Bucket)!,
        region: value(STATE_VARIABLES.s3Region)!,
        keyPrefix: value(STATE_VARIABLES.s3KeyPrefix) ?? DEFAULT_S3_KEY_PREFIX,
        ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
        useLockfile: value(STATE_VARIABLES.s3UseLockfile) !== "false",
      };
    }
    case "hcp": {
      const host = value(STATE_VARIABLES.hcpHostname);
      return {
        backend: "hcp",
        organization: value(STATE_VARIABLES.hcpOrganization)!,
        workspacePrefix: value(STATE_VARIABLES.hcpWorkspacePrefix) ?? DEFAULT_HCP_WORKSPACE_PREFIX,
        ...(host === undefined ? {} : { hostname: host }),
      };
    }
    default:
      return { backend: "local" };
  }
}

const BOOLEANS = ["true", "false"] as const;

/**
 * A key prefix as Terraform's S3 backend accepts the key it is part of (not starting or ending with `/`, no `//`),
 * from the characters S3 documents as safe in object keys, with room for the stack's name in the 1,024 bytes
 * of a key.
 */
function s3KeyPrefix(stackId: string): (value: string) => string | undefined {
  const limit = 1024 - s3StateKey("", stackId).length;
  return (value) =>
    /^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*$/.test(value) &&
    !value.split("/").some((segment) => segment === "." || segment === "..") &&
    value.length <= limit
      ? undefined
      : `a key prefix of at most ${limit} characters: letters, digits and ! - _ . * ' ( ), in segments ` +
        "separated by single '/', not starting or ending with '/', no '.' or '..' segment";
}

/** A KMS key id as Terraform's S3 backend checks it: a UUID (version 1-5) or a multi-Region key id. */
const KMS_KEY_ID =
  "([a-f0-9]{8}-[a-f0-9]{4}-[1-5][a-f0-9]{3}-[ab89][a-f0-9]{3}-[a-f0-9]{12}|mrk-[a-f0-9]{32})";
const STATE_KMS_KEY = new RegExp(
  `^(${KMS_KEY_ID}|${KMS_ALIAS}|${KMS_ARN_PREFIX}(key/${KMS_KEY_ID}|${KMS_ALIAS}))$`,
);

/**
 * The KMS key of the state objects, in the forms Terraform's S3 backend accepts for `kms_key_id` (its
 * validate.go): a key or alias ARN, a key id, a multi-Region key id or an alias name.
 */
function s3StateKmsKey(value: string): string | undefined {
  return STATE_KMS_KEY.test(value)
    ? undefined
    : "a KMS key: a key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>), an alias ARN " +
        "(...:alias/<name>), a key id (a UUID such as 0f3c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f, or mrk- and 32 " +
        "hex digits) or alias/<name>";
}

/** HCP Terraform organization names: letters, digits, `-` and `_`. */
function hcpOrganization(value: string): string | undefined {
  return /^[A-Za-z0-9_-]+$/.test(value)
    ? undefined
    : "an HCP Terraform organization name: letters, digits, '-' and '_'";
}

/** HCP Terraform workspace names: letters, digits, `-` and `_`, at most 90 characters with the stack's name. */
function hcpWorkspacePrefix(stackId: string): (value: string) => string | undefined {
  const limit = 90 - stackId.length;
  return (value) =>
    /^[A-Za-z0-9_-]*$/.test(value) && value.length <= limit
      ? undefined
      : `a workspace name prefix of at most ${limit} characters: letters, digits, '-' and '_' ` +
        `(workspace names are <prefix><stack>, at most 90 characters)`;
}

/** The host name of a Terraform Enterprise installation, e.g. tfe.example.com. */
function hostname(value: string): string | undefined {
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/i.test(value)
    ? undefined
    : "a host name such as app.terraform.io or tfe.example.com (no scheme, no path)";
}
