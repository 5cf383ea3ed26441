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

/**
 * Stages held tight — a few rows, small bodies, two requests in flight, short hop and download
 * deadlines, a small memory budget — so that fuzzed traffic also meets the refusals: OVERLOADED,
 * PAYLOAD_TOO_LARGE from each bound, HOP_TIMEOUT and DOWNLOAD_TIMEOUT.
 */
export const TIGHT_FUZZ_ENV: Record<string, string> = {
  ...FUZZ_ENV,
  TENSORHOP_DOWNLOADER_TIMEOUT_MS: '150',
  ...Object.fromEntries(
    ['DOWNLOADER', 'PREPROCESSOR', 'MODEL'].flatMap((s) => [
      [`TENSORHOP_${s}_MAX_ROWS`, '4'],
      [`TENSORHOP_${s}_BODY_LIMIT_BYTES`, '6000'],
      [`TENSORHOP_${s}_MAX_INFLIGHT`, '2'],
      [`TENSORHOP_${s}_HOP_TIMEOUT_MS`, '400'],
      [`TENSORHOP_${s}_MEMORY_BUDGET_BYTES`, String(64 * 1024)],
      [`TENSORHOP_${s}_MAX_REPLY_BYTES`, String(32 * 1024)],
    ]),
  ),
};
