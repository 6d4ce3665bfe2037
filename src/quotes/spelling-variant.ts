/**
 * Spotting two spellings of one name (Frantskevich / Frantzkevych) among speakers.
 */
import { editDistance } from '../text/edit-distance.ts';

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
