import {
  Schema,
  isCollection,
  isPair,
  isScalar,
  visit
} from "./chunk-BLFSHPJ3.js";

// src/systems/yaml-style.ts
var SCHEMA_MODELINE = " yaml-language-server: $schema=../.sysreg/system.schema.json";
var MODELINE_PATTERN = /^\s*yaml-language-server:/;
var YAML_OUTPUT_OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
  defaultStringType: "PLAIN",
  defaultKeyType: "PLAIN"
};
var YAML_1_1_IMPLICIT_TAGS = new Schema({ schema: "yaml-1.1" }).tags.filter(
  (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test instanceof RegExp
);
var NUMBER_LIKE = /^[-+]?[0-9][0-9:._+-]*$/;
function needsQuotes(text) {
  return NUMBER_LIKE.test(text) || YAML_1_1_IMPLICIT_TAGS.some((tag) => tag.test?.test(text));
}
function applyCanonicalStyle(document) {
  if (document.directives) {
    document.directives.docStart = null;
    document.directives.docEnd = false;
  }
  visit(document, {
    Scalar(key, node) {
      if (typeof node.value !== "string") return;
      const text = node.value;
      if (text.includes("\n") && key !== "key") {
        if (node.type !== "BLOCK_FOLDED") node.type = "BLOCK_LITERAL";
      } else if (needsQuotes(text)) {
        node.type = "QUOTE_DOUBLE";
      } else {
        node.type = "PLAIN";
      }
    },
    // Block style, except that an empty collection can only be written as `[]` or `{}`.
    Map(_key, node) {
      node.flow = node.items.length === 0;
    },
    Seq(_key, node) {
      node.flow = node.items.length === 0;
    }
  });
}
function placeSchemaModeline(document) {
  const header = document.commentBefore ? document.commentBefore.split("\n") : [];
  const contents = document.contents;
  if (isCollection(contents)) {
    const firstItem = contents.items[0];
    const firstKey = isPair(firstItem) ? firstItem.key : void 0;
    if (isScalar(firstKey) && firstKey.commentBefore) {
      const lines = firstKey.commentBefore.split("\n");
      const modelineIndex = lines.findIndex((line) => MODELINE_PATTERN.test(line));
      const headerEnd = Math.max(modelineIndex, lines.lastIndexOf(""));
      if (headerEnd !== -1) {
        header.push(...lines.slice(0, headerEnd + 1));
        const rest = lines.slice(headerEnd + 1);
        firstKey.commentBefore = rest.length > 0 ? rest.join("\n") : null;
      }
    }
  }
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const existing = header.find((line) => MODELINE_PATTERN.test(line));
  const others = header.filter((line) => !MODELINE_PATTERN.test(line));
  document.commentBefore = [existing ? ` ${existing.trim()}` : SCHEMA_MODELINE, ...others].join("\n");
}
function renderDocument(document) {
  const text = document.toString(YAML_OUTPUT_OPTIONS);
  if (document.commentBefore !== SCHEMA_MODELINE && !/^\s*yaml-language-server:[^\n]*$/.test(document.commentBefore ?? "")) {
    return text;
  }
  return text.replace(/^(#[^\n]*\n)\n/, "$1");
}

export {
  SCHEMA_MODELINE,
  MODELINE_PATTERN,
  YAML_OUTPUT_OPTIONS,
  applyCanonicalStyle,
  placeSchemaModeline,
  renderDocument
};
