/**
 * The model's network: with the VPC configuration on (enableVpcConfig), its containers run in subnet_ids with
 * security_group_ids, and the execution role may manage their network interfaces there.
 */
import { Op, TerraformVariable, type Precondition } from "cdktf";
import type { Construct } from "constructs";
import { VPC_SECURITY_GROUPS, VPC_SUBNETS } from "../../modules/core/limits/vpc";
import type { Switches } from "./props";

export interface NetworkVariables {
  readonly vpcId: TerraformVariable;
  readonly subnetIds: TerraformVariable;
  readonly securityGroupIds: TerraformVariable;
}

/** vpc_id (unused, as in the recipe), subnet_ids and security_group_ids. */
export function networkVariables(scope: Construct): NetworkVariables {
  const vpcId = new TerraformVariable(scope, "vpc_id", {
    type: "string",
    default: "",
    description: "VPC of the subnets (unused, as in the recipe: the subnets decide the VPC)",
  });
  const subnetIds = new TerraformVariable(scope, "subnet_ids", {
    type: "list(string)",
    default: [],
    description: "Subnets of the model's network interfaces (1-16, with the VPC configuration on)",
  });
  const securityGroupIds = new TerraformVariable(scope, "security_group_ids", {
    type: "list(string)",
    default: [],
    description:
      "Security groups of the model's network interfaces (1-5, with the VPC configuration on)",
  });
  return { vpcId, subnetIds, securityGroupIds };
}

/** The model's subnets and security groups, with the VPC configuration on. */
export interface RecipeNetwork {
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  /** For the model: the lists hold as many subnets and security groups as SageMaker takes. */
  readonly precondition: Precondition;
}

/** The model's network, or none with the VPC configuration off. */
export function recipeNetwork(switches: Switches, v: NetworkVariables): RecipeNetwork | undefined {
  if (!switches.enableVpcConfig) return undefined;
  return {
    subnetIds: v.subnetIds.listValue,
    securityGroupIds: v.securityGroupIds.listValue,
    precondition: {
      condition: Op.and(
        VPC_SUBNETS.condition(v.subnetIds.listValue),
        VPC_SECURITY_GROUPS.condition(v.securityGroupIds.listValue),
      ),
      errorMessage: `With the VPC configuration on (enableVpcConfig), subnet_ids needs ${VPC_SUBNETS.description} and security_group_ids ${VPC_SECURITY_GROUPS.description}.`,
    },
  };
}
