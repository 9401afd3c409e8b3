import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryNameBeside, temporaryNameOwner, temporaryNameTarget } from "../src/index.js";

describe("temporary names", () => {
  it("are hidden, beside the target, unique per call, and name this host and process", () => {
    const a = temporaryNameBeside("/d/report.html");
    const b = temporaryNameBeside("/d/report.html");
    expect(a).not.toBe(b);
    expect(a.startsWith(`/d/.report.html.${hostname()}.${process.pid}.`)).toBe(true);
    expect(a).toMatch(/\.[0-9a-f]{8}\.tmp$/);
    expect(temporaryNameBeside("/d/x.gz", "part")).toMatch(/\.part$/);
  });

  it("temporaryNameOwner reads the host and pid back, for the given target and suffix only", () => {
    const name = temporaryNameBeside(join("/d", "a.b.txt"), "part").slice(3);
    expect(temporaryNameOwner(name, "a.b.txt", "part")).toEqual({ host: hostname(), pid: process.pid });
    expect(temporaryNameOwner(name, "a.b.txt")).toBeNull();
    expect(temporaryNameOwner(name, "b.txt", "part")).toBeNull();
    expect(temporaryNameOwner(".a.b.txt.node1.example.org.4194305.0123abcd.part", "a.b.txt", "part")).toEqual({
      host: "node1.example.org",
      pid: 4194305,
    });
    // names without a host, as NegLab 0.1 wrote them
    expect(temporaryNameOwner(".a.b.txt.17.0123abcd.part", "a.b.txt", "part")).toEqual({ host: null, pid: 17 });
    expect(temporaryNameOwner("a.b.txt", "a.b.txt", "part")).toBeNull();
  });

  it("temporaryNameTarget names the file of this process's own temporary names only", () => {
    expect(temporaryNameTarget(temporaryNameBeside("/d/vectors.bin").slice(3))).toBe("vectors.bin");
    expect(temporaryNameTarget(temporaryNameBeside("/d/x.gz", "ids.tmp").slice(3))).toBe("x.gz");
    expect(temporaryNameTarget(`.vectors.bin.${hostname()}.4194305.0123abcd.tmp`)).toBeNull();
    expect(temporaryNameTarget("results.5.tmp")).toBeNull();
  });
});
