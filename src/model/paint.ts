/** ANSI colour for the text renderers (plan, drift, validate); the caller decides whether to colour. */
export type Style = 'bold' | 'dim' | 'green' | 'yellow' | 'red' | 'magenta' | 'cyan';

const ANSI: Record<Style, string> = {
  bold: '1',
  dim: '2',
  green: '32',
  yellow: '33',
  red: '31',
  magenta: '35',
  cyan: '36',
};

export type Paint = (style: Style, text: string) => string;

export function createPaint(color: boolean): Paint {
  return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}
