/** Tags as key/value pairs. Values may be tokens. */
export type Tags = Readonly<Record<string, string>>;
