/** The closest known name: same letters in another case, or a small edit distance away. */
export function suggestName(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const exact = known.find((name) => name.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(unknown.length / 3)) + 1;
  for (const name of known) {
    // The distance is at least the difference in length; most unknown keys are skipped here.
    if (Math.abs(name.length - lower.length) >= bestDistance) continue;
    const distance = editDistance(lower, name.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours),
 * or `limit` once it cannot be below it. It runs once per unknown key and known name (60,000 keys in
 * an attack), so three rolling rows are reused and a hopeless comparison stops early.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (distanceRows[0]!.length <= b.length)
    distanceRows = distanceRows.map(() => new Uint32Array(b.length + 1));
  let [beforePrevious, previous, row] = distanceRows as [Uint32Array, Uint32Array, Uint32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      }
      row[j] = distance;
      smallest = Math.min(smallest, distance);
    }
    // No later row can come back below this row's smallest value by more than the swap's one step.
    if (smallest > limit) return limit;
    [beforePrevious, previous, row] = [previous, row, beforePrevious];
  }
  return Math.min(previous[b.length]!, limit);
}

let distanceRows = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];
