import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Fn, Op, Token } from "cdktf";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { optional, STRING, TAGS } from "../core/kinds";
import { EMAIL_ADDRESS } from "../core/limits/sns";
import { checkResourceTags } from "../core/limits/tags";
import { matches } from "../core/rules";
import { isEmptyString } from "../core/terraform-conditions";
import { isUnresolved, Problems } from "../core/validation";

/** SNS topic names: 1-256 letters, digits, hyphens and underscores (a FIFO topic ends in `.fifo`). */
const TOPIC_NAME = matches(
  /^[A-Za-z0-9_-]{1,256}$/,
  "an SNS topic name: 1-256 letters, digits, hyphens and underscores",
);

export interface AlertsTopicProps {
  /** Name of the topic. */
  readonly topicName: string;
  /**
   * The display name, shown as the sender of e-mail notifications.
   *
   * @default - none
   */
  readonly displayName?: string;
  /**
   * ARN of the KMS key that encrypts the messages at rest. CloudWatch alarms can publish to the topic only if the
   * key policy lets `cloudwatch.amazonaws.com` use the key (`kms:Decrypt`, `kms:GenerateDataKey*`).
   *
   * @default - no encryption at rest
   */
  readonly kmsKeyArn?: string;
  /**
   * E-mail address that gets the alerts (the subscription waits for the recipient to confirm). May be a Terraform
   * expression: the subscription then exists when it is not empty (`count`).
   *
   * @default - no subscription
   */
  readonly emailEndpoint?: string;
  /**
   * Tags of the topic.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const ALERTS_TOPIC_KEYS = knownKeys<AlertsTopicProps>({
  topicName: STRING,
  displayName: optional(STRING),
  kmsKeyArn: optional(STRING),
  emailEndpoint: optional(STRING),
  tags: optional(TAGS),
});

/** An SNS topic for alarm notifications, with an optional e-mail subscription. */
export class AlertsTopic extends Construct {
  public readonly topic: SnsTopic;
  /** The e-mail subscription, when there is an address (counted when the address is a Terraform expression). */
  public readonly emailSubscription?: SnsTopicSubscription;

  public constructor(scope: Construct, id: string, props: AlertsTopicProps) {
    super(scope, id);
    ALERTS_TOPIC_KEYS.refuseWrongShape(this, props);
    const email = props.emailEndpoint;
    const problems = new Problems();
    ALERTS_TOPIC_KEYS.check(problems, "", props);
    problems
      .check("topicName", props.topicName, TOPIC_NAME)
      .check("emailEndpoint", email === "" ? undefined : email, EMAIL_ADDRESS);
    checkResourceTags(problems, "tags", props.tags);
    problems.throwIfAny(this);

    this.topic = new SnsTopic(this, "topic", {
      name: props.topicName,
      displayName: props.displayName,
      kmsMasterKeyId: props.kmsKeyArn,
      tags: props.tags ? { ...props.tags } : undefined,
    });
    if (email !== undefined && email !== "") {
      this.emailSubscription = new SnsTopicSubscription(this, "email", {
        count: isUnresolved(email)
          ? Token.asNumber(Fn.conditional(Op.not(isEmptyString(email)), 1, 0))
          : undefined,
        topicArn: this.topic.arn,
        protocol: "email",
        endpoint: email,
      });
    }
  }

  /** The topic's ARN. */
  public get topicArn(): string {
    return this.topic.arn;
  }

  /** The topic's name. */
  public get topicName(): string {
    return this.topic.name;
  }
}
