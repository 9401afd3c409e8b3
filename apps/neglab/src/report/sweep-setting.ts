import type { StrategySpec } from "../experiment/definition.js";

/** A strategy's sampler spec and trainer overrides as `path → value` leaves, e.g. `sampler.alpha → 0.75`. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else out.set(path, value);
  return out;
}

/**
 * The numeric setting each strategy is swept over, for the report's sweep
 * chart: strategies are grouped by everything but their numeric values (same
 * sampler type, same option names, same non-numeric options); in a group of two
 * or more where exactly one numeric option differs, each strategy gets that
 * option's name (its last path segment, e.g. `alpha`) and value. Strategies in
 * no such group get nothing.
 */
export function sweepSettings(strategies: readonly StrategySpec[]): Map<string, { name: string; value: number }> {
  const flat = strategies.map((s) => ({
    name: s.name,
    leaves: leaves({ sampler: s.sampler, train: s.train }, "", new Map()),
  }));
  const signature = (l: Map<string, unknown>) =>
    JSON.stringify([...l].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => (typeof v === "number" ? k : [k, v])));
  const groups = new Map<string, typeof flat>();
  for (const s of flat) groups.set(signature(s.leaves), [...(groups.get(signature(s.leaves)) ?? []), s]);
  const settings = new Map<string, { name: string; value: number }>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const numericKeys = [...group[0].leaves].filter(([, v]) => typeof v === "number").map(([k]) => k);
    const varying = numericKeys.filter((k) => new Set(group.map((s) => s.leaves.get(k))).size > 1);
    if (varying.length !== 1) continue;
    const key = varying[0];
    for (const s of group) settings.set(s.name, { name: key.split(".").pop()!, value: s.leaves.get(key) as number });
  }
  return settings;
}
