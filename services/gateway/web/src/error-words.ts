/** A sentence per stable error code, so a card says what went wrong before it shows the code. */
const WORDS: Record<string, string> = {
  BAD_REQUEST: 'The request was refused as malformed.',
  PAYLOAD_TOO_LARGE: 'Too much data for one request.',
  UNAUTHORIZED: 'The gateway asks for an API key.',
  UNKNOWN_HOP: 'A stage on the way does not know the next one.',
  HOP_LIMIT: 'The request took too many hops.',
  HOP_UNAVAILABLE: 'A service on the way is not available.',
  UNAVAILABLE: 'The service is not available.',
  HOP_TIMEOUT: 'A service on the way took too long.',
  OVERLOADED: 'The service is busy: try again in a moment.',
  DOWNLOAD_INVALID_URL: 'This is not a URL the downloader can fetch.',
  DOWNLOAD_BLOCKED: 'The downloader refuses this address (a local or private network).',
  DOWNLOAD_HTTP_STATUS: "The image's server answered with an error.",
  DOWNLOAD_TIMEOUT: 'The image took too long to download.',
  DOWNLOAD_TOO_LARGE: 'The image is larger than the downloader accepts.',
  DOWNLOAD_NOT_IMAGE: 'The address gave something that is not an image.',
  DOWNLOAD_NETWORK: "The image's server could not be reached.",
  IMAGE_DECODE: 'This is not an image the preprocessor can read.',
  IMAGE_TOO_LARGE: 'The image has too many pixels or bytes.',
  SHAPE_MISMATCH: "The image does not fit the model's input.",
  INFER_FAILED: 'The model failed on this image.',
};

/** What `code` means, in words. */
export function errorWords(code: string): string {
  return WORDS[code] ?? 'The image could not be classified.';
}
