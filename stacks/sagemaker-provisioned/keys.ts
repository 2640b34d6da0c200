/** Keys of the model and the endpoint in `SagemakerInference`; they name construct paths. */
export const MODEL_KEY = "ml-model";
export const ENDPOINT_KEY = "ml-endpoint";
/** The recipe's variant name. */
export const VARIANT_NAME = "primary";
/** Keys of the scaling policy and the alarms. */
export const SCALING_POLICY_KEY = "invocations-per-instance";
export const ALARM_KEYS = {
  invocationErrors: "invocation-errors",
  modelErrors: "model-errors",
  highLatency: "high-latency",
} as const;
/** Where data capture writes, in the bucket. */
export const DATA_CAPTURE_PREFIX = "data-capture";
