import { describe, expect, it } from "vitest";
import {
  CANARY_SIZE,
  CAPACITY_INSTANCE_COUNT,
  DEPLOYMENT_TIMEOUT,
  DEPLOYMENT_WAIT_INTERVAL,
  instanceShareProblem,
  LINEAR_STEP_SIZE,
  ROLLBACK_ALARM_COUNT,
  ROLLBACK_BATCH_SIZE,
  ROLLING_BATCH_SIZE,
  TERMINATION_WAIT,
  timeoutAfterWaits,
  TRAFFIC_ROUTING_TYPE,
} from "../../../../modules/core/limits/deployment";
import { resolved } from "../../../helpers/synth";
import { n, stack, v } from "./values";

describe("deployment guardrail durations, in seconds", () => {
  it("wait intervals and the termination wait are 0-3600 s, timeouts 600-14400 s (the AWS provider's range)", () => {
    expect([DEPLOYMENT_WAIT_INTERVAL.min, DEPLOYMENT_WAIT_INTERVAL.max]).toEqual([0, 3600]);
    expect([TERMINATION_WAIT.min, TERMINATION_WAIT.max]).toEqual([0, 3600]);
    expect([DEPLOYMENT_TIMEOUT.min, DEPLOYMENT_TIMEOUT.max]).toEqual([600, 14400]);
    expect(DEPLOYMENT_WAIT_INTERVAL.rule(3600)).toBeUndefined();
    expect(DEPLOYMENT_WAIT_INTERVAL.rule(3601)).toBe("a whole number from 0 to 3600 (seconds)");
    expect(DEPLOYMENT_TIMEOUT.rule(28800)).toBe("a whole number from 600 to 14400 (seconds)");
    expect(resolved(stack, DEPLOYMENT_TIMEOUT.condition(n))).toBe(
      "${var.n >= 600 && var.n <= 14400 && floor(var.n) == var.n}",
    );
  });

  it("a timeout must be longer than the waits it outlasts", () => {
    const rule = timeoutAfterWaits(1200, 'the waits ("20 minutes")');
    expect(rule(1201)).toBeUndefined();
    expect(rule(1200)).toBe(
      'a timeout longer than the waits ("20 minutes"), or the deployment times out before it ends',
    );
  });
});

describe("traffic routing and capacity sizes", () => {
  it("takes the three traffic routing types", () => {
    expect(TRAFFIC_ROUTING_TYPE.rule("LINEAR")).toBeUndefined();
    expect(TRAFFIC_ROUTING_TYPE.rule("linear")).toBe('one of "ALL_AT_ONCE", "CANARY" or "LINEAR"');
    expect(resolved(stack, TRAFFIC_ROUTING_TYPE.condition(v))).toBe(
      '${contains(["ALL_AT_ONCE", "CANARY", "LINEAR"], var.v)}',
    );
  });

  it("takes whole instance counts of at least 1", () => {
    expect(CAPACITY_INSTANCE_COUNT.rule(1)).toBeUndefined();
    for (const count of [0, 1.5, -1]) {
      expect(CAPACITY_INSTANCE_COUNT.rule(count)).toBe("a whole number of instances of at least 1");
    }
    expect(resolved(stack, CAPACITY_INSTANCE_COUNT.condition(n))).toBe(
      "${var.n >= 1 && floor(var.n) == var.n}",
    );
  });

  it("takes percentages of each variant's instances: canary 1-50, linear 10-50, rolling 5-50, rollback 1-100", () => {
    expect(CANARY_SIZE.percent.rule(50)).toBeUndefined();
    expect(CANARY_SIZE.percent.rule(51)).toBe(
      "a whole percentage from 1 to 50 (at most 50% of each variant's instances)",
    );
    expect(LINEAR_STEP_SIZE.percent.rule(10)).toBeUndefined();
    expect(LINEAR_STEP_SIZE.percent.rule(9)).toBe(
      "a whole percentage from 10 to 50 (10-50% of each variant's instances)",
    );
    expect(ROLLING_BATCH_SIZE.percent.rule(5)).toBeUndefined();
    expect(ROLLING_BATCH_SIZE.percent.rule(4.5)).toBe(
      "a whole percentage from 5 to 50 (5-50% of each variant's instances)",
    );
    expect(ROLLBACK_BATCH_SIZE.percent.rule(100)).toBeUndefined();
    expect(ROLLBACK_BATCH_SIZE.percent.rule(101)).toBe(
      "a whole percentage from 1 to 100 (any share of each variant's instances)",
    );
    expect(resolved(stack, LINEAR_STEP_SIZE.percent.condition(n))).toBe(
      "${var.n >= 10 && var.n <= 50 && floor(var.n) == var.n}",
    );
  });

  it("takes instance counts that are the share of a variant's instances", () => {
    expect(instanceShareProblem(2, CANARY_SIZE, 4, "a")).toBeUndefined();
    expect(instanceShareProblem(3, CANARY_SIZE, 4, "a")).toBe(
      "1 to 2 instances: at most 50% of the 4 instances of variant a",
    );
    expect(instanceShareProblem(1, CANARY_SIZE, 1, "a")).toBe(
      "a capacityPercent instead: no whole number of instances is at most 50% of the 1 instance of variant a",
    );
    expect(instanceShareProblem(1, LINEAR_STEP_SIZE, 11, "b")).toBe(
      "2 to 5 instances: 10-50% of the 11 instances of variant b",
    );
    expect(instanceShareProblem(1, ROLLING_BATCH_SIZE, 2, "c")).toBeUndefined();
    expect(instanceShareProblem(2, ROLLING_BATCH_SIZE, 2, "c")).toBe(
      "1 instance: 5-50% of the 2 instances of variant c",
    );
    // A rollback batch has no bound but its value's.
    expect(instanceShareProblem(40, ROLLBACK_BATCH_SIZE, 2, "c")).toBeUndefined();
  });
});

describe("rollback alarms", () => {
  it("takes 1 to 10", () => {
    expect(ROLLBACK_ALARM_COUNT.rule(10)).toBeUndefined();
    expect(ROLLBACK_ALARM_COUNT.rule(0)).toBe("1 to 10 alarms");
    expect(ROLLBACK_ALARM_COUNT.rule(11)).toBe("1 to 10 alarms");
  });
});
