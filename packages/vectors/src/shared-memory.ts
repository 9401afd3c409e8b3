/** Copies kept for their source arrays by {@link inSharedMemory} with `reuse`. */
const kept = new WeakMap<Int32Array | Float32Array, Int32Array | Float32Array>();

/**
 * `array` on a SharedArrayBuffer, for worker threads: posting an array backed
 * by an ordinary ArrayBuffer copies it into every worker (structured clone),
 * while one on a SharedArrayBuffer is shared by all of them. An array already
 * on a SharedArrayBuffer is returned as it is; any other is copied once. With
 * `reuse`, the copy is kept while `array` lives and returned by later calls
 * (a matrix scanned by several evaluations), at the cost of holding both in
 * memory meanwhile; without, the copy lives only as long as the caller keeps it.
 */
export function inSharedMemory<T extends Int32Array | Float32Array>(
  array: T,
  options: { readonly reuse?: boolean } = {},
): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const earlier = options.reuse ? (kept.get(array) as T | undefined) : undefined;
  if (earlier !== undefined) return earlier;
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  if (options.reuse) kept.set(array, copy);
  return copy;
}
