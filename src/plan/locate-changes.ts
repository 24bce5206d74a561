/**
 * Where in the YAML each planned change comes from: the line of the field it is about (or of the id,
 * when that field has no line), so the edges that show a plan can point at it. No wording here.
 */
import type { DesiredSystem, FieldPosition, SystemSpec } from '../model/system.ts';
import type { ChangeLocation, PlannedChange } from './plan-types.ts';

export function locateChanges(
  changes: readonly PlannedChange[],
  desiredById: ReadonlyMap<string, DesiredSystem>,
): ChangeLocation[] {
  const locations: ChangeLocation[] = [];
  for (const change of changes) {
    const desired = desiredById.get(change.systemId);
    if (!desired || change.file === null) continue;
    const file = change.file;
    const add = (field: keyof SystemSpec): void => {
      const position: FieldPosition = desired.fieldPositions[field] ??
        desired.fieldPositions.id ?? { line: 1, column: 1 };
      locations.push({ systemId: change.systemId, file, field, ...position, action: change.action });
    };
    if (change.action === 'update') for (const field of change.fields) add(field.field);
    else if (change.action === 'create') add('id');
    else if (change.action === 'delete') add('isDeleted');
    else add(change.blocked?.reason === 'client-id-held-outside-repo' ? 'clientId' : 'id');
  }
  return locations;
}
