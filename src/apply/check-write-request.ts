/**
 * The register's create rules, run by sysreg on the body of a write before it is sent. On create the
 * service checks these itself; on PUT it checks less (shared/altinn-system-register.md §3.4: no
 * https-only URLs, no id or vendor format, missing languages end in a 500), so apply checks every
 * write the way create would. Pure: the catalogue comes in as data.
 */
import type { RegisterSystemRequest } from '../model/wire.ts';
import type { Catalogue } from '../catalogue/default-catalogue.ts';
import { describePath } from '../systems/parsed-file.ts';
import { SYSTEM_RULES } from '../systems/rules.ts';
import { indexCatalogue, type SystemRuleContext } from '../systems/rules-model.ts';
import type { SystemSpec } from '../model/system.ts';

/** One create rule the body breaks. */
export interface WriteRequestProblem {
  ruleId: string;
  /** Altinn's code for the same rule, where it has one. */
  altinnCode?: string;
  /** Where in the body, e.g. `allowedRedirectUrls[0]`. */
  path: string;
  message: string;
}

/** Rules about the file rather than the body, or that need the environment's resource catalogue. */
const FILE_ONLY_RULES = new Set(['id-matches-file-name']);

const WRITE_RULES = SYSTEM_RULES.filter(
  (rule) => rule.severity === 'error' && !rule.needsResources && !FILE_ONLY_RULES.has(rule.ruleId),
);

/** Every create rule `request` breaks; empty when it may be sent. */
export function checkWriteRequest(
  request: RegisterSystemRequest,
  catalogue: Catalogue,
): WriteRequestProblem[] {
  const spec: SystemSpec = {
    id: request.id,
    vendor: { ID: request.vendor.ID },
    name: request.name,
    description: request.description,
    rights: request.rights,
    accessPackages: request.accessPackages,
    clientId: request.clientId,
    allowedRedirectUrls: request.allowedRedirectUrls,
    isVisible: request.isVisible,
    isDeleted: false,
  };
  const context: SystemRuleContext = {
    file: `systems/${request.id}.yaml`,
    catalogue: indexCatalogue(catalogue),
    source: { kind: 'built-in' },
  };
  const problems: WriteRequestProblem[] = [];
  for (const rule of WRITE_RULES) {
    for (const finding of rule.check(spec, context)) {
      // What the built-in list cannot judge (a package it does not name) is Altinn's to decide.
      if (finding.severity === 'warning') continue;
      problems.push({
        ruleId: rule.ruleId,
        ...(rule.altinnCode ? { altinnCode: rule.altinnCode } : {}),
        path: describePath(finding.path),
        message: finding.message,
      });
    }
  }
  return problems;
}
