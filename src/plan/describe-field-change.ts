/**
 * A field change as lines a reviewer reads: `+` added, `-` removed, `~` changed. Text and Markdown
 * renderers share it, so both show the same diff; each escapes the text for its own medium.
 */
import type { AccessPackage, LanguageMap, Right } from '../model/system.ts';
import type { FieldChange } from '../model/diff.ts';

export type DiffSign = '+' | '-' | '~';

export interface DiffLine {
  sign: DiffSign;
  text: string;
}

export function describeFieldChange(change: FieldChange): DiffLine[] {
  switch (change.kind) {
    case 'scalar':
      if (change.before === null)
        return [{ sign: '+', text: `${change.field}: ${formatValue(change.after)}` }];
      return [
        {
          sign: '~',
          text: `${change.field}: ${formatValue(change.before)} → ${formatValue(change.after)}`,
        },
      ];
    case 'languageMap':
      return describeLanguageMapChange(
        change.field,
        (change.before ?? {}) as LanguageMap,
        (change.after ?? {}) as LanguageMap,
      );
    case 'set': {
      const lines: DiffLine[] = [];
      for (const item of change.removed ?? []) {
        lines.push({ sign: '-', text: `${change.field}: ${formatSetItem(change.field, item)}` });
      }
      for (const item of change.added ?? []) {
        lines.push({ sign: '+', text: `${change.field}: ${formatSetItem(change.field, item)}` });
      }
      // A create's empty lists say nothing a reviewer needs; they are left out rather than shown as "(none)".
      return lines;
    }
  }
}

function describeLanguageMapChange(field: string, before: LanguageMap, after: LanguageMap): DiffLine[] {
  const lines: DiffLine[] = [];
  const languages = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const language of languages) {
    const old = before[language];
    const next = after[language];
    if (old === next) continue;
    if (old === undefined) lines.push({ sign: '+', text: `${field}.${language}: ${formatValue(next)}` });
    else if (next === undefined) lines.push({ sign: '-', text: `${field}.${language}: ${formatValue(old)}` });
    else lines.push({ sign: '~', text: `${field}.${language}: ${formatValue(old)} → ${formatValue(next)}` });
  }
  return lines;
}

/** Strings quoted as JSON, so whitespace and control characters are visible and inert. */
export function formatValue(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

export function formatSetItem(field: string, item: unknown): string {
  if (field === 'accessPackages') return formatValue((item as AccessPackage).urn);
  if (field === 'rights') {
    const right = item as Right;
    const resources = right.resource.map((pair) =>
      pair.id === 'urn:altinn:resource' ? pair.value : `${pair.id}=${pair.value}`,
    );
    const action = right.action === undefined ? '' : ` (action ${right.action})`;
    return `${formatValue(resources.join(' + '))}${action}`;
  }
  return formatValue(item);
}

/** The name to show beside an id: English, then Bokmål, then any. */
export function pickDisplayName(name: LanguageMap): string {
  return name.en ?? name.nb ?? name.nn ?? Object.values(name)[0] ?? '';
}
