/**
 * @neglab/vectors/files — writing and checking files the way every NegLab
 * writer and reader does: atomic replacement (a temporary file beside the
 * target, then a rename; through symlinks, in place for FIFOs and devices),
 * the path a write will really replace, and the refusal of a path that is not
 * a regular file, named in plain words.
 */
export { writeFileAtomically, writeToStream, resolveWriteTarget, type WriteFileOptions } from "./atomic-write.js";
export { assertRegularFile, describeFileKind } from "./regular-file.js";
