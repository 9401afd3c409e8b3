/**
 * How many terminal columns text takes, so that lines redrawn in place can be
 * cut to the terminal's width: a line one column too wide wraps, and the
 * cursor moves that redraw it then land on the wrong row.
 *
 * The rules follow wcwidth (Markus Kuhn's mk_wcwidth, as terminals implement
 * it) and Unicode UAX #11 (East Asian Width), per user-perceived character
 * (grapheme cluster, UAX #29, via `Intl.Segmenter`):
 * - 2 columns: East Asian Wide and Fullwidth characters (CJK ideographs, kana,
 *   Hangul syllables, fullwidth forms), emoji shown as emoji by default
 *   (`Emoji_Presentation`) and any character followed by U+FE0F (the emoji
 *   variation selector); a cluster counts once, so a ZWJ family 👨‍👩‍👧 or a flag
 *   🇺🇸 is 2, not the sum of its parts;
 * - 0 columns: combining marks (Mn, Me), control characters (Cc) and format
 *   characters (Cf, such as zero-width joiners and spaces) except the soft
 *   hyphen, which terminals draw;
 * - 1 column: everything else, including East Asian Ambiguous characters such
 *   as `…`, `█` and `α`, which Western terminals draw narrow.
 */

/** Code point ranges of East_Asian_Width W or F (UAX #11), as wcwidth lists them, with the blocks added since. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals … CJK symbols and punctuation (U+303F is narrow)
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK unified ideographs extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4], // ideographic symbols
  [0x17000, 0x18cff], // Tangut, Khitan
  [0x1b000, 0x1b2ff], // kana supplement and extensions, Nushu
  [0x20000, 0x2fffd], // CJK unified ideographs extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK unified ideographs extensions G, H
];

const EMOJI = /\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}]$/u;
const SOFT_HYPHEN = 0xad;
const EMOJI_VARIATION = 0xfe0f;

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

function isWide(codePoint: number): boolean {
  return WIDE.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** Columns one code point takes on its own (see the module's rules). */
function codePointWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint !== SOFT_HYPHEN && ZERO_WIDTH.test(char)) return 0;
  return isWide(codePoint) || EMOJI.test(char) ? 2 : 1;
}

/** Columns one grapheme cluster takes: its widest code point, or 2 when it asks for emoji presentation. */
function clusterWidth(cluster: string): number {
  let width = 0;
  for (const char of cluster) {
    if (char.codePointAt(0) === EMOJI_VARIATION) return 2;
    width = Math.max(width, codePointWidth(char));
  }
  return width;
}

/** The terminal columns `text` takes (one line, without ANSI codes), by the rules above. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  return width;
}

/**
 * `text` when it fits in `columns`, else its longest prefix of whole grapheme
 * clusters that leaves one column for a closing `…` (a wide character is never
 * split in half); empty for no columns.
 */
export function cutToWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  if (columns <= 0) return "";
  let kept = "";
  let width = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = clusterWidth(segment);
    if (width + w > columns - 1) break;
    kept += segment;
    width += w;
  }
  return `${kept}…`;
}
