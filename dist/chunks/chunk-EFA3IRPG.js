// src/commands/shared/color.ts
function wantsColor(context) {
  return Boolean(context.stdout.isTTY) && !context.env.NO_COLOR;
}

export {
  wantsColor
};
