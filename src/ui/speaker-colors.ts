/** Eight speaker colours (distinct, readable on white); labels always carry the name as well. */
export const SPEAKER_COLORS = ['#1f5fa8', '#a8431f', '#2e7d32', '#7b3fa0', '#8a6d00', '#006d77', '#b0276a', '#4a4a4a'];

export function speakerColor(index: number): string {
  return SPEAKER_COLORS[index % SPEAKER_COLORS.length]!;
}
