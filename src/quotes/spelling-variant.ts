/**
 * Edit distance for spotting two spellings of one name (Frantskevich / Frantzkevych).
 */

/**
 * Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1),
 * computed with two rows. Stops early and returns `limit + 1` once the distance must exceed
 * `limit`, so comparing a name against many others stays cheap.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Edit distance divided by the longer length: 0 for equal strings, 1 for nothing in common. */
export function normalizedEditDistance(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (!longer) return 0;
  return editDistance(a, b) / longer;
}

/**
 * Whether `a` and `b` look like two spellings of one surname: both at least `minLength` letters,
 * the same first letter (case-insensitive), and a normalised edit distance of at most `threshold`.
 */
export function isSpellingVariant(a: string, b: string, threshold = 0.25, minLength = 6): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y || x.length < minLength || y.length < minLength || x[0] !== y[0]) return false;
  const longer = Math.max(x.length, y.length);
  const limit = Math.floor(longer * threshold);
  return editDistance(x, y, limit) <= limit;
}
