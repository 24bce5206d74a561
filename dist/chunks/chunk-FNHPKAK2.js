import {
  UsageError
} from "./chunk-BVG62MQ6.js";

// src/commands/shared/arguments.ts
import { parseArgs } from "node:util";
function parseArguments(argv, options, usage) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${explainArgumentError(error, options)}

${usageSummary(usage)}`);
  }
}
function explainArgumentError(error, options) {
  const code = error.code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^'\s]*)/.exec(message)?.[1];
  if (flag === void 0) return message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const known = Object.entries(options).flatMap(([name, option]) => [
      `--${name}`,
      ...option.short ? [`-${option.short}`] : []
    ]);
    const meant = findClosest(flag, known);
    return `unknown option ${flag}${meant ? `; did you mean ${meant}?` : "."}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take/.test(message) ? `${flag} takes no value.` : `${flag} needs a value.`;
  }
  return message;
}
function usageSummary(usage) {
  const [head = ""] = usage.split("\n\n");
  const verb = /^Usage: sysreg (\S+)/.exec(head)?.[1];
  return `${head}
Run 'sysreg ${verb ?? "<command>"} --help' for every option.`;
}
function findClosest(word, candidates) {
  let best;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, candidate);
    if (distance <= 2 && distance * 2 < word.length && (!best || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}
function editDistance(a, b) {
  const rows = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i];
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

export {
  parseArguments,
  findClosest
};
