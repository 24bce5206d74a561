import {
  copyRight
} from "./chunk-2QRLR2CN.js";
import {
  FIELD_RULES
} from "./chunk-JUN6NXH3.js";

// src/model/canonical-json.ts
function stringifyCanonicalJson(value, indent = 0) {
  return JSON.stringify(sortKeysDeep(value), null, indent);
}
function sortKeysDeep(value) {
  if (Array.isArray(value)) return value.map((item) => item === void 0 ? null : sortKeysDeep(item));
  if (value !== null && typeof value === "object") {
    const sorted = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member !== void 0) sorted[key] = sortKeysDeep(member);
    }
    return sorted;
  }
  return value;
}

// src/model/canonical.ts
var SET_ITEM_CANONICALISERS = {
  rights: (item) => copyRight(item),
  accessPackages: (item) => ({ urn: item.urn }),
  // Altinn drops empty client ids when it reads the text[] back.
  clientId: (item) => item === "" ? void 0 : item,
  allowedRedirectUrls: (item) => normaliseRedirectUrl(String(item))
};
function canonicalFromSpec(spec) {
  return canonicalise(spec);
}
function canonicalFromLive(live) {
  return canonicalise(live);
}
function canonicalise(source) {
  const result = {};
  for (const rule of FIELD_RULES) {
    const value = source[rule.key] ?? rule.defaultValue;
    result[rule.key] = canonicaliseField(rule.key, rule.comparison, value);
  }
  return result;
}
function canonicaliseField(key, comparison, value) {
  switch (comparison) {
    case "languageMap":
      return sortLanguageMap(value ?? {});
    case "set": {
      const canonicaliseItem = SET_ITEM_CANONICALISERS[key] ?? ((item) => item);
      const items = Array.isArray(value) ? value : [];
      return sortSetItems(items.map(canonicaliseItem).filter((item) => item !== void 0));
    }
    case "scalar":
      if (key === "vendor") return { ID: String(value?.ID ?? "") };
      return value;
  }
}
function sortLanguageMap(map) {
  const sorted = {};
  for (const language of Object.keys(map).sort()) sorted[language] = map[language] ?? "";
  return sorted;
}
function sortSetItems(items) {
  const byKey = /* @__PURE__ */ new Map();
  for (const item of items) byKey.set(stringifyCanonicalJson(item), item);
  return [...byKey.keys()].sort().map((key) => byKey.get(key));
}
function storedRedirectUrl(url) {
  return URL.canParse(url) ? unescapeLikeDotNet(new URL(url).href) : url;
}
function normaliseRedirectUrl(url) {
  const stored = storedRedirectUrl(url);
  return URL.canParse(stored) ? new URL(stored).href : url;
}
var KEPT_ESCAPES = { "%23": "\uE000", "%3F": "\uE001", "%25": "\uE002" };
function unescapeLikeDotNet(text) {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const guarded = run.replace(/%(23|3F|25)/gi, (escape) => KEPT_ESCAPES[escape.toUpperCase()] ?? escape);
    let decoded;
    try {
      decoded = decodeURIComponent(guarded);
    } catch {
      return run;
    }
    return decoded.replace(
      /[\ue000-\ue002]/g,
      (mark) => mark === "\uE000" ? "%23" : mark === "\uE001" ? "%3F" : "%25"
    );
  });
}
function canonicalFromRequest(request) {
  return canonicalise({ ...request, isDeleted: false });
}
function isSameCanonicalValue(a, b) {
  return stringifyCanonicalJson(a) === stringifyCanonicalJson(b);
}
function listDifferingFields(a, b) {
  return FIELD_RULES.filter((rule) => !isSameCanonicalValue(a[rule.key], b[rule.key])).map(
    (rule) => rule.key
  );
}
function holdsRequest(live, request) {
  return listDifferingFields(canonicalFromLive(live), canonicalFromRequest(request)).length === 0;
}

export {
  stringifyCanonicalJson,
  canonicalFromSpec,
  canonicalFromLive,
  storedRedirectUrl,
  listDifferingFields,
  holdsRequest
};
