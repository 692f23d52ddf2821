/** `download:` keys the providers' shared HTTP client reads (src/http/plugin-http.ts): request pace and bandwidth cap. */
import * as v from "valibot";
import { byteRateSchema, durationSchema } from "../durations.ts";
import { flag, wholeNumber } from "../rules.ts";

export const providerHttpKeys = {
  download_rate_limit_enabled: v.nullish(flag, true),
  download_rate_limit_requests: v.nullish(wholeNumber(1), 2),
  download_rate_limit_window: v.nullish(durationSchema, 1),
  // Optional, not nullish: `null` is how a file says "no limit", so only a missing key takes the default.
  download_bandwidth_limit: v.optional(byteRateSchema, 1048576),
};
const ProviderHttpKeysSchema = v.object(providerHttpKeys);

export function providerHttpSettings(file: v.InferOutput<typeof ProviderHttpKeysSchema>) {
  return {
    downloadRateLimitEnabled: file.download_rate_limit_enabled,
    downloadRateLimitRequests: file.download_rate_limit_requests,
    downloadRateLimitWindowS: file.download_rate_limit_window,
    /** Bytes per second, or null for unlimited. */
    downloadBandwidthLimit: file.download_bandwidth_limit,
  } as const;
}
export type ProviderHttpSettings = ReturnType<typeof providerHttpSettings>;
