/** The k best classes of each row, best first. */
export interface TopK {
  /** `[n][k]` class names (labels.txt lines, or the class index as text without labels). */
  classes: string[][];
  /** `[n, k]` row-major. */
  scores: Float32Array;
  k: number;
}

/**
 * Picks the `k` highest scores of every row of `data` (`[n, width]` row-major); k is capped at
 * `width`, the number of classes. Ties keep the lower class index first.
 */
export function topK(data: Float32Array, width: number, k: number, labels?: readonly string[]): TopK {
  const n = width === 0 ? 0 : data.length / width;
  const kk = Math.min(k, width);
  const scores = new Float32Array(n * kk);
  const classes: string[][] = [];
  const best = new Int32Array(kk);
  for (let row = 0; row < n; row++) {
    const base = row * width;
    let filled = 0;
    for (let c = 0; c < width; c++) {
      const v = data[base + c]!;
      if (filled === kk && !(v > data[base + best[kk - 1]!]!)) continue;
      // Insertion into the short sorted list: k is small, so this beats sorting the row.
      let i = filled < kk ? filled++ : kk - 1;
      while (i > 0 && v > data[base + best[i - 1]!]!) {
        best[i] = best[i - 1]!;
        i--;
      }
      best[i] = c;
    }
    const names: string[] = [];
    for (let i = 0; i < kk; i++) {
      scores[row * kk + i] = data[base + best[i]!]!;
      names.push(labels?.[best[i]!] ?? String(best[i]));
    }
    classes.push(names);
  }
  return { classes, scores, k: kk };
}
