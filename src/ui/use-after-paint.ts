import { useEffect, useState } from 'react';
import { afterPaint } from '../editor/after-paint.ts';

/**
 * False on the first render, true once the browser has painted it: parts of the page that can
 * wait (the side panels) render after the article is on screen.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterPaint(() => setPainted(true))), [painted]);
  return painted;
}
