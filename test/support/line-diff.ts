/**
 * A plain line diff (`-` removed, `+` added, `  ` kept; runs of kept lines outside a change collapsed
 * to `@@`), so golden diffs show exactly which lines an edit touched.
 */
export function renderLineDiff(before: string, after: string, context = 1): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] =
        a[i] === b[j]
          ? (lengths[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))) {
      lines.push({ mark: '-', text: a[i] as string });
      i += 1;
    } else {
      lines.push({ mark: '+', text: b[j] as string });
      j += 1;
    }
  }
  const near = (index: number) =>
    lines.slice(Math.max(0, index - context), index + context + 1).some((line) => line.mark !== ' ');
  const out: string[] = [];
  let skipped = false;
  lines.forEach((line, index) => {
    if (line.mark === ' ' && !near(index)) {
      if (!skipped) out.push('@@');
      skipped = true;
      return;
    }
    skipped = false;
    out.push(`${line.mark} ${line.text}`.trimEnd());
  });
  return `${out.join('\n')}\n`;
}
