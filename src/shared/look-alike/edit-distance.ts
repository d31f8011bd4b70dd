// Bounded Damerau–Levenshtein distance (the optimal string alignment form:
// insert, delete, change, or swap two neighbours, each one edit). Only cells
// within `max` of the diagonal are filled, so the work is length × max.

/** Whether a and b (code points) are at most `max` edits apart. */
export function withinEdits(a: readonly string[], b: readonly string[], max: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  const far = max + 1; // any distance past the bound
  let before = new Array<number>(m + 1).fill(far); // row i - 2
  let prev = new Array<number>(m + 1).fill(far); // row i - 1
  let row = new Array<number>(m + 1).fill(far); // row i
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    // Cells just outside the band are read by this row and the next.
    row[from - 1] = from - 1 === 0 ? i : far;
    if (to + 1 <= m) row[to + 1] = far;
    let least = row[from - 1]!;
    for (let j = from; j <= to; j++) {
      const same = a[i - 1] === b[j - 1];
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (same ? 0 : 1));
      if (!same && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      row[j] = Math.min(d, far);
      least = Math.min(least, row[j]!);
    }
    if (least > max) return false;
    [before, prev, row] = [prev, row, before];
  }
  return prev[m]! <= max;
}
