/** Where in the YAML each planned change comes from, for annotations on the line of a pull request. */
import type { DesiredSystem, FieldPosition, SystemSpec } from '../model/system.ts';
import type { ChangeAnnotation, PlannedChange } from './plan-types.ts';

export function annotateChanges(
  changes: readonly PlannedChange[],
  desiredById: ReadonlyMap<string, DesiredSystem>,
  environment: string,
): ChangeAnnotation[] {
  const annotations: ChangeAnnotation[] = [];
  for (const change of changes) {
    const desired = desiredById.get(change.systemId);
    if (!desired || change.file === null) continue;
    const at = (field: keyof SystemSpec | null): FieldPosition =>
      (field ? desired.fieldPositions[field] : undefined) ??
      desired.fieldPositions.id ?? { line: 1, column: 1 };
    const add = (field: keyof SystemSpec | null, message: string): void => {
      const position = at(field);
      annotations.push({
        systemId: change.systemId,
        file: change.file as string,
        field: field && desired.fieldPositions[field] ? field : null,
        line: position.line,
        column: position.column,
        action: change.action,
        level: change.action === 'delete' || change.action === 'blocked' ? 'warning' : 'notice',
        title: `sysreg plan: ${change.action} in ${environment}`,
        message,
      });
    };
    switch (change.action) {
      case 'create':
        add('id', `${change.systemId} will be created in ${environment}.`);
        break;
      case 'update':
        for (const field of change.fields) add(field.field, `${field.field} changes in ${environment}.`);
        break;
      case 'delete':
        add('isDeleted', `${change.systemId} will be deleted in ${environment}; the id is burned forever.`);
        break;
      case 'blocked':
        add(
          change.blocked?.reason === 'client-id-held-outside-repo' ? 'clientId' : 'id',
          change.blocked?.message ?? '',
        );
        break;
    }
  }
  return annotations;
}
