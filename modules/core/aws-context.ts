import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
import { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { TerraformStack } from "cdktf";
import { Construct, type IConstruct } from "constructs";

const CONTEXT_ID = "aws-context";

/**
 * The partition, account and region a stack deploys into, as Terraform expressions.
 *
 * One per stack, shared by every construct in it (`AwsContext.of(this)`), so a stack has at most one
 * `data.aws_partition.current`, `data.aws_caller_identity.current` and `data.aws_region.current`, and only
 * the ones something uses. Building ARNs from these instead of writing `arn:aws:` keeps the code correct
 * in the China and GovCloud partitions.
 */
export class AwsContext extends Construct {
  /** The stack's context, created on first use. */
  public static of(scope: IConstruct): AwsContext {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(CONTEXT_ID);
    return existing instanceof AwsContext ? existing : new AwsContext(stack, CONTEXT_ID);
  }

  private partitionData?: DataAwsPartition;
  private callerIdentity?: DataAwsCallerIdentity;
  private regionData?: DataAwsRegion;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** `aws`, `aws-cn`, `aws-us-gov`, ... */
  public get partition(): string {
    return this.partitionSource().partition;
  }

  /** The partition's DNS suffix: `amazonaws.com`, `amazonaws.com.cn`, ... */
  public get dnsSuffix(): string {
    return this.partitionSource().dnsSuffix;
  }

  /** The 12-digit account id of the credentials Terraform runs with. */
  public get accountId(): string {
    if (!this.callerIdentity) {
      this.callerIdentity = new DataAwsCallerIdentity(this, "caller-identity");
      this.callerIdentity.overrideLogicalId("current");
    }
    return this.callerIdentity.accountId;
  }

  /** The provider's region. */
  public get region(): string {
    if (!this.regionData) {
      this.regionData = new DataAwsRegion(this, "region");
      this.regionData.overrideLogicalId("current");
    }
    return this.regionData.region;
  }

  /**
   * `arn:<partition>:<service>:<region>:<account>:<resource>`. Region and account default to the stack's;
   * pass `""` for services whose ARNs have none (IAM, S3).
   */
  public arn(props: {
    readonly service: string;
    readonly resource: string;
    readonly region?: string;
    readonly account?: string;
  }): string {
    const region = props.region ?? this.region;
    const account = props.account ?? this.accountId;
    return `arn:${this.partition}:${props.service}:${region}:${account}:${props.resource}`;
  }

  /** ARN of an AWS managed IAM policy, e.g. `AmazonSageMakerFullAccess` or `service-role/AWSLambdaVPCAccessExecutionRole`. */
  public managedPolicyArn(policyName: string): string {
    return `arn:${this.partition}:iam::aws:policy/${policyName}`;
  }

  private partitionSource(): DataAwsPartition {
    if (!this.partitionData) {
      this.partitionData = new DataAwsPartition(this, "partition");
      this.partitionData.overrideLogicalId("current");
    }
    return this.partitionData;
  }
}
