import type { NegativeSampler } from "@neglab/samplers";
import type { TrainSettings } from "../options.js";
import { FLAG_CBOW_MEAN, FLAG_CLIP, FLAG_HS, FLAG_NS, FLAG_WEIGHTED } from "./types.js";

/** The kernel flags for these settings and sampler. */
export function kernelFlags(settings: TrainSettings, sampler: NegativeSampler | null): number {
  return (
    (settings.hs ? FLAG_HS : 0) |
    (settings.negative > 0 ? FLAG_NS : 0) |
    (settings.saturation === "clip" ? FLAG_CLIP : 0) |
    (settings.cbowMean ? FLAG_CBOW_MEAN : 0) |
    (sampler?.weighted ? FLAG_WEIGHTED : 0)
  );
}
