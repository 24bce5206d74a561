import type { YamlPath } from './canonical-order.ts';

export interface FieldEdit {
  /** Map keys and sequence indices from the top of the file, e.g. `['environments', 'prod', 'clientId']`. */
  path: YamlPath;
  /** The new value; `undefined` (or leaving it out) deletes the key or item at `path`. */
  value?: unknown;
}

/** The file cannot be edited as asked: it does not parse, or a path runs through a scalar. */
export class SystemYamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SystemYamlEditError';
  }
}
