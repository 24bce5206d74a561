/**
 * Norwegian organisation numbers: 9 digits, the last a MOD11 check digit over the first 8 with weights
 * 3 2 7 6 5 4 3 2. Altinn checks only the `0192:` prefix; checking the digit catches typos offline.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit for 8 leading digits, or undefined when no digit can make them valid (remainder 1). */
export function computeOrganisationNumberCheckDigit(firstEight: string): number | undefined {
  if (!/^\d{8}$/.test(firstEight)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (WEIGHTS[i] ?? 0);
  const remainder = 11 - (sum % 11);
  if (remainder === 11) return 0;
  if (remainder === 10) return undefined;
  return remainder;
}

/** True for 9 digits whose last is the MOD11 check digit of the first 8. */
export function isValidOrganisationNumber(organisationNumber: string): boolean {
  if (!/^\d{9}$/.test(organisationNumber)) return false;
  return (
    computeOrganisationNumberCheckDigit(organisationNumber.slice(0, 8)) === Number(organisationNumber[8])
  );
}
