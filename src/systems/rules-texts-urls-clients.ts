/** The register's rules for texts, redirect URLs and client ids. */
import { nameFromId, placeholderDescription } from './placeholders.ts';
import {
  findInItems,
  findRepeats,
  REQUIRED_LANGUAGES,
  type Finding,
  type SystemRule,
} from './rules-model.ts';

export const requiredLanguages: SystemRule = {
  ruleId: 'required-languages',
  severity: 'error',
  summary: 'name and description each have non-empty nb, nn and en texts (the register requires all three).',
  check(spec) {
    const findings: Finding[] = [];
    for (const field of ['name', 'description'] as const) {
      for (const language of REQUIRED_LANGUAGES) {
        const text = spec[field][language];
        if (text === undefined) {
          findings.push({ path: [field], message: `${field} has no \`${language}\` text.` });
        } else if (text.trim() === '') {
          findings.push({ path: [field, language], message: `${field}.${language} is empty.` });
        }
      }
    }
    return findings;
  },
};

export const placeholderText: SystemRule = {
  ruleId: 'placeholder-text',
  severity: 'error',
  summary: 'The description is not the placeholder `sysreg new` writes to be replaced ("Describe … here.").',
  check(spec) {
    // The name is left alone: the skeleton's (the id's name) can be a real name too.
    const placeholder = placeholderDescription(nameFromId(spec.id));
    return REQUIRED_LANGUAGES.filter((language) => spec.description[language] === placeholder[language]).map(
      (language) => ({
        path: ['description', language],
        message: `description.${language} is still the skeleton's placeholder, \`${placeholder[language]}\`.`,
        hint: 'Say what the system does and what it needs access to: users read it when they approve it.',
      }),
    );
  },
};

export const redirectUrlHttps: SystemRule = {
  ruleId: 'redirect-url-https',
  altinnCode: 'AUTH.VLD-00005',
  severity: 'error',
  summary: 'Each allowed redirect URL is an absolute https URL.',
  check(spec) {
    return findInItems(
      spec.allowedRedirectUrls,
      (index) => ['allowedRedirectUrls', index],
      (url) => {
        const parsed = URL.parse(url);
        if (parsed?.protocol === 'https:' && parsed.hostname !== '') return undefined;
        return {
          message: `\`${url}\` is not an absolute https URL.`,
          hint: 'Write it as https://host/path.',
        };
      },
    );
  },
};

export const redirectUrlUnique: SystemRule = {
  ruleId: 'redirect-url-unique',
  severity: 'error',
  summary: 'No redirect URL is listed twice (compared as Altinn normalises them).',
  check(spec) {
    return findRepeats(spec.allowedRedirectUrls, (url) => URL.parse(url)?.href ?? url).map(
      ({ item: url, index, first }) => ({
        path: ['allowedRedirectUrls', index],
        message: `\`${url}\` repeats allowedRedirectUrls[${first}].`,
      }),
    );
  },
};

export const clientIdUnique: SystemRule = {
  ruleId: 'client-id-unique',
  altinnCode: 'AUTH.VLD-00011',
  severity: 'error',
  summary: 'No client id is listed twice in one system (compared ignoring case, as Altinn does).',
  check(spec) {
    return findRepeats(spec.clientId, (clientId) => clientId.toLowerCase()).map(
      ({ item: clientId, index, first }) => ({
        path: ['clientId', index],
        message: `client id \`${clientId}\` repeats clientId[${first}].`,
      }),
    );
  },
};

export const clientIdNotBlank: SystemRule = {
  ruleId: 'client-id-not-blank',
  severity: 'error',
  summary: 'Client ids are not empty and have no surrounding whitespace (Altinn stores them as sent).',
  check(spec) {
    return findInItems(
      spec.clientId,
      (index) => ['clientId', index],
      (clientId) => {
        if (clientId !== '' && clientId.trim() === clientId) return undefined;
        return {
          message:
            clientId.trim() === ''
              ? 'a client id is empty.'
              : `client id \`${clientId}\` has surrounding whitespace.`,
        };
      },
    );
  },
};
