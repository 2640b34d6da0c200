/** The VPC of a SageMaker model (`VpcConfig`): how many subnets and security groups, and what their ids look like. */
import { Fn, Op } from "cdktf";
import { matches } from "../rules";
import type { Limit } from "../validation";

/** A list of `min` to `max` ids; its words are `<min>-<max> <what>s`. */
function idCount(min: number, max: number, what: string): Limit<readonly string[]> {
  const description = `${min}-${max} ${what}s`;
  return {
    description,
    rule: (ids) => (ids.length >= min && ids.length <= max ? undefined : description),
    condition: (ids) => Op.and(Op.gte(Fn.lengthOf(ids), min), Op.lte(Fn.lengthOf(ids), max)),
  };
}

/** `VpcConfig.Subnets`: 1-16. */
export const VPC_SUBNETS = idCount(1, 16, "subnet");
/** `VpcConfig.SecurityGroupIds`: 1-5. */
export const VPC_SECURITY_GROUPS = idCount(1, 5, "security group");

/** Security group and subnet ids (botocore `SecurityGroupId`, `SubnetId`). */
export const VPC_ID = matches(/^[-0-9a-zA-Z]{1,32}$/, "an id of 1-32 letters, digits and '-'");
