import { createHash } from 'node:crypto';

export { PLACEHOLDER_NAME } from '../platform/placeholders.ts';

/**
 * A demo picture made here, never fetched from another host: a square in a colour drawn from
 * the name, with a simple bag outline. The same name always gives the same picture.
 */
export function placeholderSvg(name: string): string {
  const digest = createHash('sha256').update(name).digest();
  const hue = (digest[0]! * 360) / 256;
  const shade = 40 + (digest[1]! % 30);
  const background = `hsl(${hue.toFixed(0)} 45% 88%)`;
  const ink = `hsl(${hue.toFixed(0)} 35% ${shade}%)`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img">',
    `<rect width="800" height="800" fill="${background}"/>`,
    `<path d="M280 330h240l30 250H250z" fill="none" stroke="${ink}" stroke-width="24" stroke-linejoin="round"/>`,
    `<path d="M330 330v-40a70 70 0 0 1 140 0v40" fill="none" stroke="${ink}" stroke-width="24"/>`,
    '</svg>',
  ].join('');
}
