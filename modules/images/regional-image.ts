import { Fn, TerraformLocal, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { knownKeys } from "../core/known-keys";
import { choice, optional, STRING } from "../core/kinds";
import { Problems } from "../core/validation";
import {
  HUGGINGFACE_INFERENCE_ACCOUNTS,
  HUGGINGFACE_TGI_ACCOUNTS,
  SKLEARN_INFERENCE_ACCOUNTS,
} from "./registry-accounts";

/** The registry part of a URI for a region without the image; the precondition stops the plan first. */
export const UNPUBLISHED_ACCOUNT = "no-image-published-in-region";

/** The families of prebuilt images whose registry account depends on the region. */
export type ImageRegistry = "huggingface-inference" | "huggingface-tgi" | "sklearn-inference";

const REGISTRIES: Readonly<
  Record<
    ImageRegistry,
    { readonly accounts: Readonly<Record<string, string>>; readonly title: string }
  >
> = {
  "huggingface-inference": {
    accounts: HUGGINGFACE_INFERENCE_ACCOUNTS,
    title: "HuggingFace inference",
  },
  "huggingface-tgi": { accounts: HUGGINGFACE_TGI_ACCOUNTS, title: "HuggingFace TGI" },
  "sklearn-inference": { accounts: SKLEARN_INFERENCE_ACCOUNTS, title: "SageMaker scikit-learn" },
};

/** Regions that have an image of `registry`, sorted. */
export function regionsWithImages(registry: ImageRegistry): string[] {
  return Object.keys(REGISTRIES[registry].accounts).sort();
}

/** The DNS suffix of the partition a region belongs to (botocore `partitions.json`). */
export function dnsSuffixOfRegion(region: string): string {
  if (region.startsWith("cn-")) return "amazonaws.com.cn";
  if (region.startsWith("us-isob-")) return "sc2s.sgov.gov";
  if (region.startsWith("us-isof-")) return "csp.hci.ic.gov";
  if (region.startsWith("us-iso-")) return "c2s.ic.gov";
  if (region.startsWith("eu-isoe-")) return "cloud.adc-e.uk";
  if (region.startsWith("eusc-")) return "amazonaws.eu";
  return "amazonaws.com";
}

export interface RegionalImageProps {
  /** Which family of prebuilt images; decides the region -> registry account table. */
  readonly registry: ImageRegistry;
  /** ECR repository, e.g. `huggingface-pytorch-inference` or `sagemaker-scikit-learn`. */
  readonly repository: string;
  /** Image tag, e.g. `1.2-1-cpu-py3`. */
  readonly tag: string;
  /**
   * Region to pull from. A plain string is resolved at synth time (an unknown region is a synth error);
   * a token (a variable, a data source) is resolved by Terraform from a lookup table.
   *
   * @default - the provider's region (`data.aws_region.current`)
   */
  readonly region?: string;
}

const REGIONAL_IMAGE_KEYS = knownKeys<RegionalImageProps>({
  registry: choice(...(Object.keys(REGISTRIES) as ImageRegistry[])),
  repository: STRING,
  tag: STRING,
  region: optional(STRING),
});

/**
 * The URI of a prebuilt SageMaker image in the registry of the deployment region.
 *
 * SageMaker only pulls images from the region of the model, and the prebuilt images live in a different
 * registry account in many regions, so a URI copied from us-east-1 breaks elsewhere. With a region known at
 * synth time the URI is a plain string; with a region known only at apply time it is a Terraform
 * expression over a `locals` table, and {@link regionSupported} plus {@link unsupportedRegionMessage} give
 * the precondition that stops a plan in a region without the image.
 */
export class RegionalImage extends Construct {
  /** The image URI: `<account>.dkr.ecr.<region>.<dns suffix>/<repository>:<tag>`. */
  public readonly uri: string;
  /** The 12-digit account of the region's registry (a Terraform expression for a token region). */
  public readonly registryAccount: string;
  /** A Terraform boolean expression (or `true`) saying whether the region has this image. */
  public readonly regionSupported: string | boolean;
  /** The message for a region without this image. */
  public readonly unsupportedRegionMessage: string;
  private readonly region: string;
  private readonly repository: string;

  public constructor(scope: Construct, id: string, props: RegionalImageProps) {
    super(scope, id);
    REGIONAL_IMAGE_KEYS.refuseWrongShape(this, props);
    const problems = new Problems();
    REGIONAL_IMAGE_KEYS.check(problems, "", props);
    const { accounts, title } = REGISTRIES[props.registry];
    const region = props.region ?? AwsContext.of(this).region;
    this.region = region;
    this.repository = props.repository;
    const path = `${props.repository}:${props.tag}`;
    this.unsupportedRegionMessage =
      `No ${title} image is published for region ${region}; ` +
      `regions with one: ${regionsWithImages(props.registry).join(", ")}.`;

    const account = Token.isUnresolved(region) ? undefined : accounts[region];
    if (!Token.isUnresolved(region) && account === undefined) {
      problems.add(
        "region",
        region,
        `a region where ${title} images are published: ${regionsWithImages(props.registry).join(", ")}`,
      );
    }
    problems.throwIfAny(this);

    if (!Token.isUnresolved(region)) {
      this.registryAccount = account!;
      this.uri = `${account}.dkr.ecr.${region}.${dnsSuffixOfRegion(region)}/${path}`;
      this.regionSupported = true;
    } else {
      // The lookup needs a default: a missing key would fail as "Invalid index" before the precondition
      // could explain it. (cdktf drops an empty-string default, so the fallback is a readable word.)
      const table = registryTable(this, props.registry);
      this.registryAccount = Fn.lookup(table.asAnyMap, region, UNPUBLISHED_ACCOUNT);
      this.uri = `${this.registryAccount}.dkr.ecr.${region}.${AwsContext.of(this).dnsSuffix}/${path}`;
      this.regionSupported = Fn.contains(Fn.keys(table.asAnyMap), region);
    }
  }

  /**
   * ARN of the image's repository, `arn:<partition>:ecr:<region>:<account>:repository/<repository>`: the
   * resource to grant image pulls on (`ecr:BatchGetImage`, ...).
   */
  public get repositoryArn(): string {
    return AwsContext.of(this).arn({
      service: "ecr",
      region: this.region,
      account: this.registryAccount,
      resource: `repository/${this.repository}`,
    });
  }
}

/** One `locals` entry per stack and registry, e.g. `local.huggingface_inference_registry_accounts`. */
function registryTable(scope: Construct, registry: ImageRegistry): TerraformLocal {
  const stack = TerraformStack.of(scope);
  const id = `${registry.replace(/-/g, "_")}_registry_accounts`;
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof TerraformLocal) return existing;
  const local = new TerraformLocal(stack, id, { ...REGISTRIES[registry].accounts });
  local.overrideLogicalId(id);
  return local;
}
