import { createRequire as __sysregCreateRequire } from 'node:module'; const require = __sysregCreateRequire(import.meta.url);

// src/commands/shared/color.ts
function wantsColor(context) {
  return Boolean(context.stdout.isTTY) && !context.env.NO_COLOR;
}

export {
  wantsColor
};
