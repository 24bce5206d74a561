/** The register's rules across files: what one environment of the repository must not repeat. */
import type { RepositoryFinding, RepositoryRule, ResolvedSystem } from './rules-model.ts';

export const idUnique: RepositoryRule = {
  ruleId: 'id-unique',
  altinnCode: 'AUTH.VLD-00002',
  severity: 'error',
  summary: 'No two files declare the same id.',
  check(systems) {
    const findings: RepositoryFinding[] = [];
    const firstFile = new Map<string, string>();
    for (const system of systems) {
      if (system.environment !== undefined) continue; // ids are never overridden
      const first = firstFile.get(system.spec.id);
      if (first === undefined) firstFile.set(system.spec.id, system.parsed.file);
      else if (first !== system.parsed.file)
        findings.push({
          system,
          path: ['id'],
          message: `id \`${system.spec.id}\` is also declared by ${first}.`,
        });
    }
    return findings;
  },
};

export const clientIdClaimedOnce: RepositoryRule = {
  ruleId: 'client-id-claimed-once',
  altinnCode: 'AUTH.VLD-00004',
  severity: 'error',
  summary: 'No client id is claimed by two systems in the same environment (deleted systems release theirs).',
  check(systems) {
    const findings: RepositoryFinding[] = [];
    const environments = new Set(systems.map((system) => system.environment));
    // A file that does not name an environment takes its base values there too.
    const byFile = new Map<string, Map<string | undefined, ResolvedSystem>>();
    for (const system of systems) {
      const views = byFile.get(system.parsed.file) ?? new Map<string | undefined, ResolvedSystem>();
      views.set(system.environment, system);
      byFile.set(system.parsed.file, views);
    }
    for (const environment of environments) {
      const claimedBy = new Map<string, string>();
      for (const [file, views] of byFile) {
        const system = views.get(environment) ?? views.get(undefined);
        if (!system || system.spec.isDeleted) continue;
        system.spec.clientId.forEach((clientId, index) => {
          const first = claimedBy.get(clientId);
          if (first === undefined) claimedBy.set(clientId, file);
          else if (first !== file)
            findings.push({
              system,
              environment,
              path: ['clientId', index],
              message: `client id \`${clientId}\` is also claimed by ${first}.`,
              hint: 'A Maskinporten client belongs to one system only.',
            });
        });
      }
    }
    return findings;
  },
};
