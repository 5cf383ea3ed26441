/** The Open Inference Protocol example `tensorhop up` prints: readable JSON in and out. */

/** The OIP body: one URL (BYTES) to the downloader, which runs preprocessor then model. */
export function oipExampleBody(url: string): Record<string, unknown> {
  return {
    inputs: [{ name: 'urls', shape: [1], datatype: 'BYTES', data: [url] }],
    outputs: [{ name: 'classes' }, { name: 'scores' }],
    parameters: { tensorhop_next: 'preprocessor,model', tensorhop_keys: '["one"]' },
  };
}

/** `curl` of {@link oipExampleBody} at `entry` (the gateway, or the downloader without one). */
export function oipCurlExample(entry: string, url: string): string {
  return `curl -s ${entry}/v2/models/downloader/infer -d '${JSON.stringify(oipExampleBody(url))}'`;
}
