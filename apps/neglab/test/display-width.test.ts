import { describe, expect, it } from "vitest";
import { cutToWidth, displayWidth } from "../src/display-width.js";

describe("displayWidth", () => {
  it("counts East Asian wide and fullwidth characters and emoji as 2 columns", () => {
    expect(displayWidth("语料")).toBe(4);
    expect(displayWidth("한국어 corpus")).toBe(13);
    expect(displayWidth("コーパス")).toBe(8);
    expect(displayWidth("Ａ")).toBe(2); // fullwidth Latin
    expect(displayWidth("ｱ")).toBe(1); // halfwidth katakana
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("❤️")).toBe(2); // text-default heart asking for emoji presentation
    expect(displayWidth("❤")).toBe(1);
  });

  it("counts a grapheme cluster once and zero-width characters as 0", () => {
    expect(displayWidth("e\u0301")).toBe(1); // e + combining acute
    expect(displayWidth("\u0301")).toBe(0);
    expect(displayWidth("👨‍👩‍👧")).toBe(2); // ZWJ sequence
    expect(displayWidth("🇺🇸")).toBe(2); // flag: two regional indicators
    expect(displayWidth("a\u200bb")).toBe(2); // zero-width space
    expect(displayWidth("\u00ad")).toBe(1); // soft hyphen is drawn
    expect(displayWidth("…█α")).toBe(3); // East Asian Ambiguous: narrow
  });
});

describe("cutToWidth", () => {
  it("keeps text that fits and cuts the rest to whole characters ending in …", () => {
    expect(cutToWidth("ab语料", 6)).toBe("ab语料");
    expect(cutToWidth("ab语料cd", 5)).toBe("ab语…");
    expect(cutToWidth("ab语料", 4)).toBe("ab…"); // 语 would need columns 3–4, leaving none for …
    expect(cutToWidth("e\u0301e\u0301e\u0301", 2)).toBe("e\u0301…");
    expect(cutToWidth("abc", 1)).toBe("…");
    expect(cutToWidth("abc", 0)).toBe("");
  });
});
