/** Asynchronous inference. */
export interface AsyncInvocationConfigProps {
  /** Where successful responses are written, an `s3://` URI. */
  readonly s3OutputPath: string;
  /**
   * ARN of a KMS key (or alias) that encrypts the responses in S3.
   *
   * @default - none: the bucket's default encryption
   */
  readonly encryptionKeyArn?: string;
  /**
   * ARN of an SNS topic notified when an inference fails.
   *
   * @default - none: no notification
   */
  readonly errorNotificationLocation?: string;
  /**
   * The most concurrent requests sent to one instance (1-1000).
   *
   * @default - none: SageMaker chooses
   */
  readonly maxConcurrentInvocationsPerInstance?: number;
  /**
   * Where failed responses are written, an `s3://` URI.
   *
   * @default - none
   */
  readonly s3FailurePath?: string;
  /**
   * ARN of an SNS topic notified when an inference succeeds.
   *
   * @default - none: no notification
   */
  readonly successNotificationLocation?: string;
}

/** Data capture of an endpoint. */
export interface DataCaptureProps {
  /** Where SageMaker saves the captured requests and responses, an `s3://` URI. */
  readonly s3LocationToStoreDataCollected: string;
  /**
   * The content types to capture, by format. Give at least one of `csvText` or `json`.
   *
   * @default - none: SageMaker's default content types
   */
  readonly captureContentType?: CaptureContentTypeProps;
  /**
   * What to capture.
   *
   * @default {} (requests and responses)
   */
  readonly dataCaptureOptions?: DataCaptureOptionsProps;
  /**
   * The percentage of requests captured (0-100).
   *
   * @default 30
   */
  readonly samplingPercentage?: number;
  /**
   * Beyond the module: ARN of the KMS key (or alias) that encrypts the captured data.
   *
   * @default - the endpoint's `encryptionKeyArn`
   */
  readonly encryptionKeyArn?: string;
}

/** Content types captured by data capture. */
export interface CaptureContentTypeProps {
  /**
   * CSV content types, e.g. `text/csv` (1-10).
   *
   * @default - none
   */
  readonly csvText?: readonly string[];
  /**
   * JSON content types, e.g. `application/json` (1-10).
   *
   * @default - none
   */
  readonly json?: readonly string[];
}

/** What data capture saves. */
export interface DataCaptureOptionsProps {
  /**
   * Capture the requests (`Input`).
   *
   * @default true
   */
  readonly predictionRequest?: boolean;
  /**
   * Capture the responses (`Output`).
   *
   * @default true
   */
  readonly predictionResponse?: boolean;
  /**
   * Beyond the module: when both are captured, write one capture option `InputAndOutput` (true) or two
   * capture options, `Input` and `Output` (false).
   *
   * @default true
   */
  readonly combineInputAndOutput?: boolean;
}
