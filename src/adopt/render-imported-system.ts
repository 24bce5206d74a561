/** The file `import` writes for a system it has no file for. */
import type { SystemSpec } from '../model/system.ts';
import { renderSystemYaml } from '../systems/write-system-yaml.ts';

/** The file `import` writes for a system it has no file for. Date-free, so a re-run is stable. */
export function renderImportedSystem(spec: SystemSpec, environment: string): string {
  const header = [`Imported from Altinn (${environment}) by 'sysreg import'.`];
  if (spec.isDeleted) {
    header.push(
      `Deleted in ${environment}: a tombstone. The id can never be used again; keep this file so it is not.`,
    );
  }
  return renderSystemYaml(spec, { headerComment: header.join('\n') });
}
