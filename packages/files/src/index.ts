/**
 * @neglab/files — the file handling NegLab's packages share: atomic writes (a
 * hidden temporary file beside the target, fsync, rename; through symbolic
 * links; in place for FIFOs and devices; the temporary file removed on every
 * failure and interruption), the temporary names they use, regular-file checks
 * for readers, and a file's SHA-256.
 */
export { FileWriteError } from "./errors.js";
export { writeFileAtomically, writeToStream, type WriteData, type WriteFileOptions } from "./atomic-write.js";
export { createAtomicFile, resolveWriteTarget, type AtomicFile } from "./atomic-file.js";
export {
  temporaryNameBeside,
  temporaryNameOwner,
  temporaryNameTarget,
  type TemporaryNameOwner,
} from "./temporary-name.js";
export { assertRegularFile, describeFileKind, lookupProblem } from "./file-kind.js";
export { findBuiltFile } from "./built-file.js";
export { processAlive } from "./process-alive.js";
export { sha256File } from "./sha256-file.js";
