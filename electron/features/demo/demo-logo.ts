import { crc32, deflateSync } from 'node:zlib';

/**
 * The demo school's logo, drawn when the demo is made so the repository holds no image: a linden
 * leaf (the lindeboom) above the initials "LC", white and pale green on a deep green disc. It is
 * printed about 1.6 cm high in the letterhead, so the shapes are bold and few.
 */

export const DEMO_LOGO_SIZE = 240;

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [38, 94, 62, 255];
const RING: Rgba = [143, 190, 130, 255];
const LEAF: Rgba = [214, 236, 200, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CENTER = DEMO_LOGO_SIZE / 2;

/** Distance from (x, y) to the segment a–b: veins and stems are "capsules" around a segment. */
function toSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** The leaf: a heart turned upside down (notch at the stem, point at the top), slightly tilted. */
const LEAF_CENTER = { x: 120, y: 90 };
const LEAF_SCALE = 44;
const LEAF_TILT = (-10 * Math.PI) / 180;
const COS = Math.cos(LEAF_TILT);
const SIN = Math.sin(LEAF_TILT);

/** Back in image coordinates: a point given in the leaf's own units. */
function leafPoint(u: number, v: number): [number, number] {
  return [LEAF_CENTER.x + (u * COS - v * SIN) * LEAF_SCALE, LEAF_CENTER.y + (u * SIN + v * COS) * LEAF_SCALE];
}

function inLeaf(x: number, y: number): boolean {
  const dx = x - LEAF_CENTER.x;
  const dy = y - LEAF_CENTER.y;
  const u = (dx * COS + dy * SIN) / LEAF_SCALE;
  const v = (-dx * SIN + dy * COS) / LEAF_SCALE;
  // The heart (u² + w² − 1)³ − u²w³ ≤ 0 has its point at w = −1 and its notch at w = 1; with
  // w = v (image y, downwards) the point is at the top and the notch, where the stem is, below.
  const a = u * u + v * v - 1;
  return a * a * a - u * u * v * v * v <= 0;
}

const MIDRIB: [number, number, number, number] = [...leafPoint(0, 0.98), ...leafPoint(0, -0.82)];
const STEM: [number, number, number, number] = [...leafPoint(0, 0.95), ...leafPoint(0.1, 1.45)];
/** Side veins: from the midrib up and out, in pairs, ending inside the leaf. */
const VEINS: [number, number, number, number][] = (
  [
    [0.7, 0.62, 0.2],
    [0.3, 0.5, -0.2],
    [-0.1, 0.32, -0.55],
  ] as const
).flatMap(([from, out, to]) => [
  [...leafPoint(0, from), ...leafPoint(out, to)] as [number, number, number, number],
  [...leafPoint(0, from), ...leafPoint(-out, to)] as [number, number, number, number],
]);

function onVein(x: number, y: number): boolean {
  if (toSegment(x, y, ...MIDRIB) <= 2.2) return true;
  return VEINS.some((vein) => toSegment(x, y, ...vein) <= 1.5);
}

/** "L" and "C" as geometric capitals, 42 px high with 10 px strokes. */
const LETTER_TOP = 158;
const LETTER_BOTTOM = 200;
const STROKE = 10;

function inL(x: number, y: number): boolean {
  const left = 80;
  if (y < LETTER_TOP || y > LETTER_BOTTOM) return false;
  return (x >= left && x <= left + STROKE) || (y >= LETTER_BOTTOM - STROKE && x >= left && x <= left + 30);
}

function inC(x: number, y: number): boolean {
  const cx = 140;
  const cy = (LETTER_TOP + LETTER_BOTTOM) / 2;
  const outer = (LETTER_BOTTOM - LETTER_TOP) / 2;
  const r = Math.hypot(x - cx, y - cy);
  if (r > outer || r < outer - STROKE) return false;
  // Open on the right: no ink within 42° of the horizontal there.
  const angle = Math.abs(Math.atan2(y - cy, x - cx));
  return angle > (42 * Math.PI) / 180;
}

/** The colour at one point, painted back to front. */
function paint(x: number, y: number): Rgba {
  const r = Math.hypot(x - CENTER, y - CENTER);
  if (r > 116) return CLEAR;
  if (r > 107 && r < 110) return RING;
  if (inL(x, y) || inC(x, y)) return WHITE;
  if (toSegment(x, y, ...STEM) <= 2.6) return LEAF;
  if (inLeaf(x, y)) return onVein(x, y) ? GREEN : LEAF;
  return GREEN;
}

/**
 * RGBA pixels. A pixel whose four corners have the same colour takes it; one on an edge is
 * averaged over a 4×4 grid of samples, so edges are smooth (every shape is wider than a pixel).
 */
function draw(size: number): Buffer {
  const samples = 4;
  const corners: Rgba[] = [];
  for (let y = 0; y <= size; y++) for (let x = 0; x <= size; x++) corners.push(paint(x, y));
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const at = (py * size + px) * 4;
      const first = corners[py * (size + 1) + px]!;
      const same =
        first === corners[py * (size + 1) + px + 1] &&
        first === corners[(py + 1) * (size + 1) + px] &&
        first === corners[(py + 1) * (size + 1) + px + 1];
      if (same) {
        pixels.set(first, at);
        continue;
      }
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = paint(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          // Colours weighted by their coverage, so a transparent sample does not darken the edge.
          red += r * a;
          green += g * a;
          blue += b * a;
          alpha += a;
        }
      }
      if (alpha > 0) {
        pixels[at] = Math.round(red / alpha);
        pixels[at + 1] = Math.round(green / alpha);
        pixels[at + 2] = Math.round(blue / alpha);
      }
      pixels[at + 3] = Math.round(alpha / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlacing, every scanline unfiltered, zlib-deflated. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The demo school's logo as PNG bytes (240 × 240). */
export function demoLogoPng(): Buffer {
  return encodePng(DEMO_LOGO_SIZE, DEMO_LOGO_SIZE, draw(DEMO_LOGO_SIZE));
}
