import { describe, expect, it } from "vitest";
import { inSharedMemory } from "../src/index.js";

describe("inSharedMemory", () => {
  it("copies an ordinary array onto a SharedArrayBuffer, same type and values", () => {
    const ids = Int32Array.of(3, -1, 7);
    const shared = inSharedMemory(ids);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared).toBeInstanceOf(Int32Array);
    expect(Array.from(shared)).toEqual([3, -1, 7]);
    expect(inSharedMemory(ids)).not.toBe(shared); // without reuse, every call copies
  });

  it("returns an array already in shared memory as it is", () => {
    const shared = new Float32Array(new SharedArrayBuffer(8));
    expect(inSharedMemory(shared)).toBe(shared);
  });

  it("with reuse, copies a matrix once and returns that copy again", () => {
    const unit = Float32Array.of(0.5, 0.25);
    const first = inSharedMemory(unit, { reuse: true });
    expect(first).toBeInstanceOf(Float32Array);
    expect(Array.from(first)).toEqual([0.5, 0.25]);
    expect(inSharedMemory(unit, { reuse: true })).toBe(first);
  });
});
