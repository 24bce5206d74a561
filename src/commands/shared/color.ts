import type { CommandContext } from '../../model/command.ts';

/** Colour only on an interactive terminal, and never when NO_COLOR is set (https://no-color.org). */
export function wantsColor(context: Pick<CommandContext, 'stdout' | 'env'>): boolean {
  return Boolean(context.stdout.isTTY) && !context.env.NO_COLOR;
}
