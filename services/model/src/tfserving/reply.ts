/** What a TF Serving REST handler sends back, whatever HTTP framework mounts it. */
export interface TfServingReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
