/** A copy of `array` with room for at least `needed` elements (the capacity doubles until it fits). */
export function grown(array: Int32Array, needed: number): Int32Array {
  let capacity = Math.max(1, array.length * 2);
  while (capacity < needed) capacity *= 2;
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
