/** The exact distribution of drawing a uniform entry of a table of word ids. */
export function tableProbabilities(table: Int32Array, vocabularySize: number): Float64Array {
  const probabilities = new Float64Array(vocabularySize);
  for (let a = 0; a < table.length; a++) probabilities[table[a]]++;
  for (let i = 0; i < vocabularySize; i++) probabilities[i] /= table.length;
  return probabilities;
}
