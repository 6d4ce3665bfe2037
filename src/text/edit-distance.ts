/**
 * Edit distance between two spellings, shared by quote attribution (two spellings of one
 * speaker's name are one speaker) and proofreading (one name spelled two ways in an article).
 */

/**
 * Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1).
 * With a `limit`, any distance above it is returned as `limit + 1`, and the computation stops as
 * soon as every entry of a row exceeds the limit, so comparing a name against many others stays
 * cheap. Two rows of memory, O(len(a) × len(b)) time at worst.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > limit) return limit + 1;
  if (m === 0) return n;
  let prev = new Array<number>(m + 1);
  let curr = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  const d = prev[m]!;
  return d > limit ? limit + 1 : d;
}

/** Edit distance divided by the longer length: 0 for equal strings, 1 for nothing in common. */
export function normalizedEditDistance(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : editDistance(a, b) / longest;
}
