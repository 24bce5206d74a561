/**
 * The presentation rules shared by `fmt`, `renderSystemYaml` and the minimal editor: block style,
 * plain scalars where every YAML reader agrees they are strings, quotes where they are needed.
 */
import { Schema, isCollection, isPair, isScalar, visit } from 'yaml';
import type { Document, ToStringOptions } from 'yaml';

export const SCHEMA_MODELINE = ' yaml-language-server: $schema=../.sysreg/system.schema.json';
export const MODELINE_PATTERN = /^\s*yaml-language-server:/;

export const YAML_OUTPUT_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
};

/**
 * YAML 1.1 readers (PyYAML, older editors) read `yes`, `off`, `1:30` or `2024-01-01` as something other
 * than a string. The yaml library already quotes what YAML 1.2 would misread; this catches the rest.
 */
const YAML_1_1_IMPLICIT_TAGS = new Schema({ schema: 'yaml-1.1' }).tags.filter(
  (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp,
);

/** Digits with separators (`0192:314159268`, `1.0`, `123`): a reader takes them for numbers. */
const NUMBER_LIKE = /^[-+]?[0-9][0-9:._+-]*$/;

function needsQuotes(text: string): boolean {
  return NUMBER_LIKE.test(text) || YAML_1_1_IMPLICIT_TAGS.some((tag) => tag.test?.test(text));
}

/** Rewrites every node of `document` into canonical presentation. Values and comments are untouched. */
export function applyCanonicalStyle(document: Document): void {
  if (document.directives) {
    document.directives.docStart = null;
    document.directives.docEnd = false;
  }
  visit(document, {
    Scalar(key, node) {
      if (typeof node.value !== 'string') return;
      const text = node.value;
      if (text.includes('\n') && key !== 'key') {
        if (node.type !== 'BLOCK_FOLDED') node.type = 'BLOCK_LITERAL';
      } else if (needsQuotes(text)) {
        node.type = 'QUOTE_DOUBLE';
      } else {
        // The library falls back to quotes when a plain scalar would not read back as this string.
        node.type = 'PLAIN';
      }
    },
    // Block style, except that an empty collection can only be written as `[]` or `{}`.
    Map(_key, node) {
      node.flow = node.items.length === 0;
    },
    Seq(_key, node) {
      node.flow = node.items.length === 0;
    },
  });
}

/**
 * Puts the schema modeline on the first line of the file's header comment, adding it when missing.
 * The parser keeps a header that is followed by a blank line as the document's comment, and attaches
 * comment lines above the first key to that key (so they travel with it when keys are reordered). The
 * lines up to a modeline or a blank line among them are taken back into the header.
 */
export function placeSchemaModeline(document: Document): void {
  const header = document.commentBefore ? document.commentBefore.split('\n') : [];
  const contents = document.contents;
  if (isCollection(contents)) {
    const firstItem = contents.items[0];
    const firstKey = isPair(firstItem) ? firstItem.key : undefined;
    if (isScalar(firstKey) && firstKey.commentBefore) {
      const lines = firstKey.commentBefore.split('\n');
      // The header ends at the modeline, or at the last blank line: what follows is about the key.
      const modelineIndex = lines.findIndex((line) => MODELINE_PATTERN.test(line));
      const headerEnd = Math.max(modelineIndex, lines.lastIndexOf(''));
      if (headerEnd !== -1) {
        header.push(...lines.slice(0, headerEnd + 1));
        const rest = lines.slice(headerEnd + 1);
        firstKey.commentBefore = rest.length > 0 ? rest.join('\n') : null;
      }
    }
  }
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const existing = header.find((line) => MODELINE_PATTERN.test(line));
  const others = header.filter((line) => !MODELINE_PATTERN.test(line));
  // One space after the hash, whatever the file had, so a second run finds the modeline it wrote.
  document.commentBefore = [existing ? ` ${existing.trim()}` : SCHEMA_MODELINE, ...others].join('\n');
}

/**
 * The document as text. The yaml library puts a blank line after the header comment; when the header
 * is just the modeline it is dropped, so the comment above the first key sits right under it.
 */
export function renderDocument(document: Document): string {
  const text = document.toString(YAML_OUTPUT_OPTIONS);
  if (
    document.commentBefore !== SCHEMA_MODELINE &&
    !/^\s*yaml-language-server:[^\n]*$/.test(document.commentBefore ?? '')
  ) {
    return text;
  }
  return text.replace(/^(#[^\n]*\n)\n/, '$1');
}
