// The building blocks of the demo's drawings: flat shapes in a few warm colours, as SVG text.
// Made for Wijkvonk; same licence as the project (see README, "Demo pictures").

export const colours = {
  sky: "#cfe8f7",
  evening: "#1f3a5f",
  sun: "#ffd43b",
  cloud: "#ffffff",
  grass: "#8cc56b",
  grassDark: "#6fae4f",
  leaf: "#2b7a3d",
  leafLight: "#3d9150",
  trunk: "#7a4e2d",
  wood: "#c99a4e",
  woodDark: "#9a6b32",
  brick: "#c2410c",
  roof: "#9a3412",
  navy: "#1f3a5f",
  stone: "#9aa3ad",
  road: "#5b6470",
  pavement: "#d6d3cb",
  water: "#4a90c2",
  waterLight: "#6fb0dd",
  yellow: "#e0a800",
  blue: "#1c64f2",
  pink: "#e8590c",
  white: "#ffffff",
} as const;

const c = colours;

/** Numbers from 0 to n-1: most drawings repeat a shape along a line. */
export const times = (n: number) => Array.from({ length: n }, (_, i) => i);
export const each = (n: number, draw: (i: number) => string) => times(n).map(draw).join("");

export const sky = (w: number, h: number, colour: string = c.sky) => `<rect width="${w}" height="${h}" fill="${colour}"/>`;
export const sun = (x: number, y: number, r = 90) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${c.sun}"/>`;
export const cloud = (x: number, y: number, s = 1) =>
  `<g fill="${c.cloud}" opacity="0.9"><ellipse cx="${x}" cy="${y}" rx="${90 * s}" ry="${34 * s}"/><ellipse cx="${x - 45 * s}" cy="${y - 18 * s}" rx="${48 * s}" ry="${36 * s}"/><ellipse cx="${x + 30 * s}" cy="${y - 28 * s}" rx="${55 * s}" ry="${42 * s}"/></g>`;
export const ground = (y: number, w: number, h: number, colour: string = c.grass) => `<rect y="${y}" width="${w}" height="${h - y}" fill="${colour}"/>`;

/** A round tree standing on `base`. */
export const tree = (x: number, base: number, s = 1, leaf: string = c.leaf) =>
  `<rect x="${x - 14 * s}" y="${base - 150 * s}" width="${28 * s}" height="${150 * s}" fill="${c.trunk}"/><circle cx="${x}" cy="${base - 230 * s}" r="${110 * s}" fill="${leaf}"/><circle cx="${x - 60 * s}" cy="${base - 170 * s}" r="${70 * s}" fill="${c.leafLight}"/><circle cx="${x + 55 * s}" cy="${base - 180 * s}" r="${60 * s}" fill="${c.leafLight}"/>`;

/** A house with a pitched roof, standing on `base`; windows lit in the evening. */
export const house = (x: number, base: number, w: number, h: number, wall: string, roof: string = c.roof, lit = false) => {
  const window = lit ? c.sun : "#eaf4fb";
  const rows = Math.max(1, Math.floor((h - 60) / 110));
  const cols = Math.max(1, Math.floor(w / 110));
  const gap = w / cols;
  return (
    `<rect x="${x}" y="${base - h}" width="${w}" height="${h}" fill="${wall}"/>` +
    `<polygon points="${x - 18},${base - h} ${x + w / 2},${base - h - w * 0.45} ${x + w + 18},${base - h}" fill="${roof}"/>` +
    each(rows, (r) => each(cols, (k) => `<rect x="${x + k * gap + gap / 2 - 24}" y="${base - h + 40 + r * 110}" width="48" height="56" fill="${window}"/>`)) +
    `<rect x="${x + w / 2 - 24}" y="${base - 90}" width="48" height="90" fill="${c.navy}"/>`
  );
};

/** A park bench seen from the front, its seat at `y`. */
export const bench = (x: number, y: number, s = 1, colour: string = c.wood) =>
  `<rect x="${x}" y="${y - 70 * s}" width="${240 * s}" height="${22 * s}" rx="${6 * s}" fill="${colour}"/><rect x="${x}" y="${y - 40 * s}" width="${240 * s}" height="${22 * s}" rx="${6 * s}" fill="${colour}"/><rect x="${x - 10 * s}" y="${y}" width="${260 * s}" height="${22 * s}" rx="${6 * s}" fill="${c.woodDark}"/><rect x="${x + 14 * s}" y="${y + 22 * s}" width="${16 * s}" height="${60 * s}" fill="${c.navy}"/><rect x="${x + 210 * s}" y="${y + 22 * s}" width="${16 * s}" height="${60 * s}" fill="${c.navy}"/>`;

/** A flower on a stem, its head at (x, y). */
export const flower = (x: number, y: number, colour: string, s = 1) =>
  `<rect x="${x - 3 * s}" y="${y}" width="${6 * s}" height="${50 * s}" fill="${c.leaf}"/><circle cx="${x}" cy="${y}" r="${16 * s}" fill="${colour}"/><circle cx="${x}" cy="${y}" r="${6 * s}" fill="${c.sun}"/>`;

/** A bicycle standing on `base`. */
export const bike = (x: number, base: number, s = 1, frame: string = c.brick) => {
  const r = 70 * s;
  const back = x + r;
  const front = x + r + 200 * s;
  const y = base - r;
  return (
    `<g fill="none" stroke="${c.navy}" stroke-width="${10 * s}"><circle cx="${back}" cy="${y}" r="${r}"/><circle cx="${front}" cy="${y}" r="${r}"/></g>` +
    `<g fill="none" stroke="${frame}" stroke-width="${12 * s}" stroke-linejoin="round" stroke-linecap="round"><path d="M${back} ${y} L${back + 80 * s} ${y - 110 * s} L${front - 20 * s} ${y - 110 * s} L${front} ${y} M${back} ${y} L${back + 100 * s} ${y} L${back + 80 * s} ${y - 110 * s} M${back + 100 * s} ${y} L${front - 20 * s} ${y - 110 * s} M${front - 20 * s} ${y - 110 * s} L${front - 30 * s} ${y - 150 * s}"/></g>` +
    `<rect x="${front - 60 * s}" y="${y - 160 * s}" width="${50 * s}" height="${12 * s}" rx="${6 * s}" fill="${c.navy}"/><rect x="${back + 55 * s}" y="${y - 128 * s}" width="${56 * s}" height="${14 * s}" rx="${7 * s}" fill="${c.navy}"/>`
  );
};

/** A line of little flags hanging from (x1, y1) to (x2, y2). */
export const bunting = (x1: number, y1: number, x2: number, y2: number, n: number, palette: readonly string[]) => {
  const sag = 60;
  const line = `<path d="M${x1} ${y1} Q${(x1 + x2) / 2} ${(y1 + y2) / 2 + sag * 2} ${x2} ${y2}" fill="none" stroke="${c.navy}" stroke-width="4"/>`;
  const flags = each(n, (i) => {
    const t = (i + 0.5) / n;
    const x = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * ((x1 + x2) / 2) + t * t * x2;
    const y = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * ((y1 + y2) / 2 + sag * 2) + t * t * y2;
    return `<polygon points="${x - 22},${y} ${x + 22},${y} ${x},${y + 48}" fill="${palette[i % palette.length]}"/>`;
  });
  return line + flags;
};

/** The whole picture: an SVG document of this size around the drawn shapes. */
export const svgDocument = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
