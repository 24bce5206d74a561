/**
 * The texts `sysreg new` writes for a person to replace, in one place: the skeleton writes them, and
 * the `placeholder-text` rule flags them until they are edited, so a skeleton cannot ship as it is.
 */
/** The skeleton's description, per language, of a system called `name`. */
export function placeholderDescription(name: string): { nb: string; nn: string; en: string } {
  return { nb: `Beskriv ${name} her.`, nn: `Beskriv ${name} her.`, en: `Describe ${name} here.` };
}

/** The name part of an id (`991825827_payroll` → `payroll`), which the skeleton also uses as the name. */
export function nameFromId(id: string): string {
  return id.slice(id.indexOf('_') + 1);
}
