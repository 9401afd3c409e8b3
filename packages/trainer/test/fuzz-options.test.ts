import fc from "fast-check";
import { expect, test } from "vitest";
import { TrainOptionError, defaultSettings, resolveSamplerTimeout, resolveSettings } from "../src/index.js";

// Trainer settings come from config files and experiment definitions: whatever
// JSON arrives, validation ends in a TrainOptionError naming the field (never a
// TypeError from reading a property of null, never a silently accepted bad
// value). Fixed seeds keep CI reproducible.

const KEYS = [...Object.keys(defaultSettings()), "unknown"];

/** Objects with trainer setting keys (and one unknown key) holding arbitrary JSON values, valid ones mixed in. */
const settingsLike = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.oneof(
    fc.jsonValue(),
    fc.constantFrom<unknown>(5, 0.5, "auto", "skip", "cbow", true, null, { type: "unigram" }, 1e308, -1),
  ),
);

/** Runs `resolve` and returns what it threw, or null. */
function thrown(resolve: () => unknown): unknown {
  try {
    resolve();
    return null;
  } catch (error) {
    return error;
  }
}

test("resolveSettings turns any JSON value into settings or a TrainOptionError naming the field", () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), settingsLike), (given) => {
      const error = thrown(() => resolveSettings(given as never));
      if (error === null) return;
      expect(error).toBeInstanceOf(TrainOptionError);
      const { field, message } = error as TrainOptionError;
      expect([...KEYS, "settings"]).toContain(field);
      expect(message.startsWith(`${field}: `)).toBe(true);
    }),
    { seed: 1, numRuns: 400 },
  );
});

test("settings that resolve are valid: resolving them again gives the same settings", () => {
  fc.assert(
    fc.property(settingsLike, (given) => {
      let settings;
      try {
        settings = resolveSettings(given as never);
      } catch {
        return;
      }
      expect(resolveSettings(settings)).toEqual(settings);
    }),
    { seed: 2, numRuns: 300 },
  );
});

test("resolveSamplerTimeout accepts whole milliseconds in [1, 2^31 − 1] and refuses anything else by name", () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), fc.integer(), fc.double()), (value) => {
      const error = thrown(() => resolveSamplerTimeout(value));
      const valid = Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2 ** 31 - 1;
      if (valid) expect(error).toBeNull();
      else {
        expect(error).toBeInstanceOf(TrainOptionError);
        expect((error as TrainOptionError).field).toBe("samplerTimeout");
      }
    }),
    { seed: 3, numRuns: 400 },
  );
});
