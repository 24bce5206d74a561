import {
  declareAltinnOptions,
  pickFormat
} from "./chunk-4MD6NOMD.js";
import {
  DIAGNOSTICS_FORMATS,
  runValidation
} from "./chunk-O6E3MLC2.js";
import "./chunk-EFA3IRPG.js";
import "./chunk-NLQ3QRQQ.js";
import "./chunk-DYX2OOHH.js";
import "./chunk-HTATWITR.js";
import "./chunk-TWCSMN77.js";
import "./chunk-2QRLR2CN.js";
import "./chunk-J7OVXALX.js";
import "./chunk-XTLGM2XZ.js";
import "./chunk-BLFSHPJ3.js";
import "./chunk-JUN6NXH3.js";
import "./chunk-SJD3TTC4.js";
import "./chunk-RPKBACA5.js";
import {
  UsageError
} from "./chunk-BVG62MQ6.js";
import "./chunk-7VZ5H7B6.js";

// src/commands/validate.ts
function readValidateArguments({ options, operands }) {
  const environment = options.env;
  if (environment !== void 0 && environment.trim() === "") {
    throw new UsageError("--env needs an environment name.");
  }
  return {
    paths: operands,
    format: pickFormat(options.format, DIAGNOSTICS_FORMATS),
    environment,
    altinnUrl: options.altinnUrl,
    report: options.report
  };
}
var command = {
  name: "validate",
  declare(commandLine) {
    commandLine.usage("[paths\u2026] [--format text|json|github] [--env NAME] [--report github]").description(
      `Checks system files offline: YAML syntax, the schema, and the register's rules (AUTH.VLD codes),
in the base and in every environment a file names.

With --env, online: the files as that environment sees them (the base with that environment's
overrides; other environments' overrides are left to their own run) are checked by the same rules
against the resources and access packages that environment's Altinn has, so a resource that does
not exist or cannot be delegated (AUTH.VLD-00003, 00017) and an unknown or undelegable access
package (00008) are found before apply. Needs the MASKINPORTEN_* variables like plan.`
    ).argument("[paths...]", "Files or folders to check (default: every *.yaml and *.yml under systems/).").option("--format <fmt>", "text (default), json, or github (workflow annotations).");
    declareAltinnOptions(commandLine, { optional: true });
    commandLine.option(
      "--report <target>",
      "github: also report to GitHub from an Actions job: annotations, job summary, outputs (with --format github too, each annotation is printed once)."
    ).addHelpText(
      "after",
      `
Exit status: 0 when valid (warnings allowed), 1 when any error is found, or when --env cannot
reach that environment's Altinn.`
    );
  },
  async run(context, parsed) {
    const validation = readValidateArguments(parsed);
    if (validation.environment === void 0) return runValidation(context, validation);
    const { runOnlineValidation } = await import("./validate-online-NJJBZNN2.js");
    return runOnlineValidation(context, { ...validation, environment: validation.environment });
  }
};
export {
  command
};
