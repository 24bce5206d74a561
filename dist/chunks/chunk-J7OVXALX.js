// src/systems/placeholders.ts
function placeholderDescription(name) {
  return { nb: `Beskriv ${name} her.`, nn: `Beskriv ${name} her.`, en: `Describe ${name} here.` };
}
function nameFromId(id) {
  return id.slice(id.indexOf("_") + 1);
}

// src/systems/organisation-number.ts
var WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];
function computeOrganisationNumberCheckDigit(firstEight) {
  if (!/^\d{8}$/.test(firstEight)) return void 0;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (WEIGHTS[i] ?? 0);
  const remainder = 11 - sum % 11;
  if (remainder === 11) return 0;
  if (remainder === 10) return void 0;
  return remainder;
}
function isValidOrganisationNumber(organisationNumber) {
  if (!/^\d{9}$/.test(organisationNumber)) return false;
  return computeOrganisationNumberCheckDigit(organisationNumber.slice(0, 8)) === Number(organisationNumber[8]);
}

export {
  placeholderDescription,
  nameFromId,
  isValidOrganisationNumber
};
