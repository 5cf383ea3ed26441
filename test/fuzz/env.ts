/**
 * Stage settings for fuzzing: short download deadlines so a case never waits on a slow origin,
 * and a smaller reply and memory budget so a burst of `size: [4096, 4096]` requests is refused
 * (PAYLOAD_TOO_LARGE / OVERLOADED) on a shared 2-core machine instead of filling it.
 */
export const FUZZ_ENV: Record<string, string> = {
  TENSORHOP_DOWNLOADER_TIMEOUT_MS: '2000',
  TENSORHOP_DOWNLOADER_RETRIES: '0',
  TENSORHOP_PREPROCESSOR_MAX_REPLY_BYTES: String(64 * 1024 * 1024),
  TENSORHOP_PREPROCESSOR_MEMORY_BUDGET_BYTES: String(256 * 1024 * 1024),
  TENSORHOP_MODEL_MEMORY_BUDGET_BYTES: String(256 * 1024 * 1024),
};
