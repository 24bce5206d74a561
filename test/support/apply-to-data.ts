import type { FieldEdit } from '../../src/systems/field-edit.ts';

/** The data an edit should produce, computed on plain values independently of the editor. */
export function applyToData(data: unknown, edit: FieldEdit): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  edit.path.slice(0, -1).forEach((segment) => {
    parent[segment] ??= {};
    parent = parent[segment] as Record<string | number, unknown>;
  });
  const last = edit.path[edit.path.length - 1] as string | number;
  if (edit.value !== undefined) parent[last] = structuredClone(edit.value);
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}
