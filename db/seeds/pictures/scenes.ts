import { bench, bike, bunting, cloud, colours as c, each, flower, ground, house, sky, sun, svgDocument, tree } from "./drawing";

// The demo's pictures, drawn for Wijkvonk as flat SVG illustrations: one per idea that has a photo in the
// demo, and a cover per round. Made for Wijkvonk; same licence as the project (see README).

export const IDEA_SIZE = { width: 1500, height: 1000 } as const;
export const COVER_SIZE = { width: 1800, height: 750 } as const;

const W = IDEA_SIZE.width;
const H = IDEA_SIZE.height;
const flowers = [c.brick, c.yellow, c.pink, "#b5179e", c.blue, c.white] as const;
/** The i-th colour of a list, round and round. */
const pick = (list: readonly string[], i: number): string => list[i % list.length]!;

const ideaScenes = {
  pond: () =>
    `${sky(W, H)}${sun(1250, 170)}${cloud(420, 150)}${ground(640, W, H)}<ellipse cx="750" cy="800" rx="520" ry="130" fill="${c.water}"/><ellipse cx="700" cy="780" rx="300" ry="50" fill="${c.waterLight}"/>${tree(260, 660, 1.3)}${tree(1250, 650)}<g fill="#4d7a2a">${each(14, (i) => `<rect x="${240 + i * 18}" y="${690 - (i % 3) * 20}" width="8" height="${90 + (i % 3) * 20}"/>`)}</g>${bench(980, 690, 0.8)}`,
  playground: () =>
    `${sky(W, H)}${sun(1250, 170)}${cloud(300, 180)}${ground(640, W, H)}<rect x="860" y="700" width="420" height="160" rx="20" fill="#f2d398"/><rect x="900" y="690" width="340" height="30" fill="${c.wood}"/><g stroke="${c.brick}" stroke-width="22" fill="none"><path d="M250 880 L380 420 L510 880"/><path d="M600 880 L730 420 L860 880"/><path d="M360 430 L750 430"/></g><g stroke="${c.navy}" stroke-width="8"><path d="M470 430 V700"/><path d="M560 430 V700"/></g><rect x="450" y="690" width="130" height="26" rx="8" fill="${c.navy}"/>${tree(1330, 660, 0.9)}`,
  crossing: () =>
    `${sky(W, H)}${cloud(500, 160)}<rect x="880" y="300" width="480" height="340" fill="#e6b8a2"/><polygon points="860,310 1120,170 1380,310" fill="${c.roof}"/><rect x="1060" y="480" width="110" height="160" fill="${c.navy}"/><g fill="${c.white}">${each(4, (i) => `<rect x="${920 + i * 110}" y="360" width="70" height="70"/>`)}</g><rect y="640" width="1500" height="360" fill="${c.road}"/><g fill="${c.white}">${each(7, (i) => `<rect x="${420 + i * 95}" y="690" width="60" height="290"/>`)}</g><rect x="250" y="420" width="16" height="260" fill="#4a5566"/><circle cx="258" cy="410" r="55" fill="${c.blue}"/><polygon points="228,430 258,380 288,430" fill="${c.white}"/>`,
  mural: () =>
    `<rect width="1500" height="1000" fill="#3b3f46"/><path d="M0 1000 V260 Q750 -60 1500 260 V1000 Z" fill="#59606b"/><rect x="150" y="330" width="1200" height="480" fill="#fff1e8"/><circle cx="1150" cy="450" r="80" fill="${c.sun}"/>${each(6, (i) => `<rect x="${210 + i * 165}" y="${560 - (i % 2) * 60}" width="130" height="${250 + (i % 2) * 60}" fill="${[c.brick, c.leaf, c.blue, c.roof, c.navy, c.yellow][i]}"/><polygon points="${200 + i * 165},${560 - (i % 2) * 60} ${275 + i * 165},${490 - (i % 2) * 60} ${350 + i * 165},${560 - (i % 2) * 60}" fill="#4a5566"/>`)}<rect y="860" width="1500" height="140" fill="#2a2d33"/>`,
  garden: () =>
    `${sky(W, H)}${sun(1250, 170)}${ground(640, W, H, "#a0703f")}${each(3, (i) => `<rect x="${120 + i * 460}" y="620" width="400" height="220" fill="${c.wood}" stroke="${c.trunk}" stroke-width="14"/>${each(5, (j) => `<circle cx="${170 + i * 460 + j * 75}" cy="600" r="${i === 1 ? 30 : 40}" fill="${i === 1 ? c.brick : c.leafLight}"/><rect x="${166 + i * 460 + j * 75}" y="600" width="8" height="30" fill="${c.leaf}"/>`)}`)}${tree(1400, 600, 0.7)}`,
  flowerStrip: () =>
    `${sky(W, H)}${sun(1280, 150)}${cloud(600, 140)}${house(60, 560, 300, 260, "#e6b8a2")}${house(420, 560, 260, 300, "#f2d398", c.navy)}${house(740, 560, 320, 240, "#cfd8e3")}${house(1120, 560, 300, 280, "#e6b8a2")}<rect y="560" width="1500" height="80" fill="${c.pavement}"/><rect y="640" width="1500" height="150" fill="#7a5230"/>${each(30, (i) => flower(30 + i * 50, 600 + (i % 3) * 18, pick(flowers, i), 1.1))}<rect y="790" width="1500" height="210" fill="${c.road}"/><g fill="${c.white}">${each(8, (i) => `<rect x="${40 + i * 190}" y="885" width="110" height="18"/>`)}</g>`,
  rainBarrel: () =>
    `${sky(W, H, "#b8d4e6")}${cloud(1100, 140, 1.4)}${cloud(450, 110, 1.1)}<g stroke="${c.blue}" stroke-width="6" stroke-linecap="round">${each(12, (i) => `<path d="M${860 + (i % 6) * 70} ${200 + Math.floor(i / 6) * 70} l-12 34"/>`)}</g><rect x="80" y="250" width="700" height="510" fill="${c.brick}"/><polygon points="60,250 430,90 800,250" fill="${c.roof}"/><g stroke="#a33a0a" stroke-width="4">${each(10, (i) => `<path d="M80 ${300 + i * 46} H780"/>`)}</g><rect x="170" y="380" width="170" height="150" fill="#eaf4fb" stroke="${c.white}" stroke-width="10"/><rect x="440" y="560" width="140" height="200" fill="${c.navy}"/>${ground(760, W, H)}<rect x="820" y="250" width="30" height="330" fill="${c.stone}"/><rect x="780" y="240" width="90" height="24" fill="${c.stone}"/><rect x="760" y="560" width="230" height="260" rx="30" fill="${c.leaf}"/><rect x="760" y="610" width="230" height="16" fill="${c.leafLight}"/><rect x="760" y="740" width="230" height="16" fill="${c.leafLight}"/><rect x="970" y="740" width="50" height="16" fill="${c.stone}"/>${each(6, (i) => flower(1100 + i * 60, 780 + (i % 2) * 30, pick(flowers, i), 1))}<path d="M1230 880 h120 l20 -70 h-160 z" fill="${c.blue}"/><path d="M1370 830 l70 -40" stroke="${c.blue}" stroke-width="14"/>`,
  greenPlay: () =>
    `${sky(W, H)}${sun(240, 160)}${cloud(900, 150)}${ground(600, W, H)}${tree(1300, 620, 1.1)}${tree(150, 640, 0.8)}<path d="M380 860 Q620 420 860 860" fill="none" stroke="${c.leafLight}" stroke-width="60"/><path d="M380 860 Q620 420 860 860" fill="none" stroke="${c.leaf}" stroke-width="16" stroke-dasharray="30 26"/>${each(5, (i) => `<ellipse cx="${950 + i * 90}" cy="${870 - (i % 2) * 40}" rx="42" ry="22" fill="${c.woodDark}"/><rect x="${908 + i * 90}" y="${870 - (i % 2) * 40}" width="84" height="40" fill="${c.trunk}"/><ellipse cx="${950 + i * 90}" cy="${870 - (i % 2) * 40}" rx="34" ry="16" fill="${c.wood}"/>`)}<rect x="200" y="760" width="420" height="50" rx="25" fill="${c.trunk}"/><ellipse cx="620" cy="785" rx="22" ry="25" fill="${c.wood}"/>`,
  toolShed: () =>
    `${sky(W, H)}${sun(1250, 150)}${ground(720, W, H)}<rect x="330" y="330" width="620" height="420" fill="${c.wood}"/><g stroke="${c.woodDark}" stroke-width="6">${each(9, (i) => `<path d="M${330 + i * 70} 330 V750"/>`)}</g><polygon points="300,340 640,180 980,340" fill="${c.leaf}"/><rect x="520" y="450" width="240" height="300" fill="#5a3a1e"/><g stroke="${c.stone}" stroke-width="14" stroke-linecap="round"><path d="M570 480 V720"/><path d="M640 470 V720"/><path d="M710 480 V720"/></g><path d="M545 480 h50 M685 480 h50" stroke="${c.stone}" stroke-width="20"/><rect x="800" y="420" width="100" height="90" fill="#eaf4fb" stroke="${c.white}" stroke-width="8"/><path d="M1050 800 L1150 700 H1350 L1300 800 Z" fill="${c.brick}"/><circle cx="1100" cy="830" r="40" fill="${c.navy}"/><path d="M1320 720 L1420 660" stroke="${c.navy}" stroke-width="14"/>${tree(150, 740, 0.9)}`,
  boules: () =>
    `${sky(W, H)}${sun(1300, 140)}${cloud(520, 140)}${ground(560, W, H)}${tree(220, 580, 1.2)}${tree(1320, 560, 1)}<polygon points="300,640 1200,640 1420,960 80,960" fill="#e9d8b4" stroke="${c.woodDark}" stroke-width="16"/>${each(40, (i) => `<circle cx="${140 + ((i * 137) % 1220)}" cy="${670 + ((i * 53) % 270)}" r="5" fill="#cdb88c"/>`)}<circle cx="700" cy="760" r="16" fill="${c.brick}"/>${[
      [560, 800],
      [780, 730],
      [860, 860],
      [640, 900],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="44" fill="#8a94a0"/><circle cx="${x! - 14}" cy="${y! - 14}" r="14" fill="#d7dde3"/>`)
      .join("")}${bench(560, 520, 0.9)}`,
  phoneBooth: () =>
    `${sky(W, H)}${cloud(300, 170, 1.2)}${sun(1300, 160)}${ground(820, W, H, c.pavement)}${house(40, 820, 300, 420, "#e6b8a2")}${house(1160, 820, 300, 380, "#cfd8e3", c.navy)}<rect x="560" y="220" width="380" height="620" rx="24" fill="${c.leaf}"/><rect x="590" y="250" width="320" height="60" fill="${c.white}"/><text x="750" y="295" font-family="sans-serif" font-size="44" font-weight="700" text-anchor="middle" fill="${c.leaf}">BIEB</text><rect x="600" y="330" width="300" height="470" fill="#eaf4fb"/>${each(4, (r) => `<rect x="600" y="${425 + r * 115}" width="300" height="12" fill="${c.woodDark}"/>${each(9, (k) => `<rect x="${610 + k * 32}" y="${425 + r * 115 - 70 - ((k + r) % 3) * 10}" width="26" height="${70 + ((k + r) % 3) * 10}" fill="${pick(flowers, k + r) === c.white ? c.navy : pick(flowers, k + r)}"/>`)}`)}<rect x="740" y="330" width="20" height="470" fill="${c.leaf}"/>`,
  lights: () =>
    `${sky(W, H, c.evening)}<circle cx="1280" cy="140" r="60" fill="#fff3bf"/>${each(30, (i) => `<circle cx="${(i * 211) % 1500}" cy="${30 + ((i * 97) % 260)}" r="4" fill="#fff3bf"/>`)}${house(0, 760, 330, 380, "#8c5a3c", "#4a2a1a", true)}${house(380, 760, 300, 430, "#6b7b8c", "#2f3a46", true)}${house(740, 760, 320, 360, "#8c5a3c", "#4a2a1a", true)}${house(1120, 760, 380, 420, "#6b7b8c", "#2f3a46", true)}<rect y="760" width="1500" height="240" fill="#3b3f46"/>${[
      0, 1, 2,
    ]
      .map((k) => {
        const y = 330 + k * 60;
        return `<path d="M0 ${y} Q750 ${y + 180} 1500 ${y}" fill="none" stroke="#222" stroke-width="4"/>${each(16, (i) => {
          const t = (i + 0.5) / 16;
          const x = t * 1500;
          const yy = (1 - t) * (1 - t) * y + 2 * (1 - t) * t * (y + 180) + t * t * y;
          return `<circle cx="${x}" cy="${yy + 14}" r="13" fill="${[c.sun, "#ff8787", "#74c0fc", "#8ce99a"][(i + k) % 4]}"/>`;
        })}`;
      })
      .join("")}`,
  picnic: () =>
    `${sky(W, H)}${sun(1250, 150)}${cloud(400, 130)}${ground(560, W, H)}${tree(200, 620, 1.3)}${tree(1350, 600, 1.1, c.leafLight)}${[
      [380, 760],
      [880, 860],
    ]
      .map(
        ([x, y]) =>
          `<rect x="${x}" y="${y! - 120}" width="420" height="34" rx="8" fill="${c.wood}"/><path d="M${x! + 60} ${y! - 86} L${x! + 20} ${y}" stroke="${c.woodDark}" stroke-width="24"/><path d="M${x! + 360} ${y! - 86} L${x! + 400} ${y}" stroke="${c.woodDark}" stroke-width="24"/><rect x="${x! - 40}" y="${y! - 50}" width="500" height="24" rx="8" fill="${c.woodDark}"/>`,
      )
      .join(
        "",
      )}<rect x="500" y="590" width="90" height="50" rx="10" fill="${c.brick}"/><path d="M510 590 Q545 540 580 590" fill="none" stroke="${c.trunk}" stroke-width="8"/><circle cx="1000" cy="732" r="18" fill="${c.brick}"/><circle cx="1040" cy="732" r="18" fill="${c.yellow}"/>`,
  tunnel: () =>
    `${sky(W, H)}${cloud(1200, 120)}${ground(250, W, H, c.grassDark)}<path d="M100 900 V420 Q750 120 1400 420 V900 Z" fill="#d9d2c5"/><path d="M420 900 V560 Q750 360 1080 560 V900 Z" fill="#2a2d33"/>${[
      c.blue,
      c.yellow,
      c.brick,
      c.leafLight,
    ]
      .map(
        (colour, k) =>
          `<path d="M100 ${520 + k * 70} Q260 ${460 + k * 70} 420 ${540 + k * 70}" fill="none" stroke="${colour}" stroke-width="40"/><path d="M1080 ${540 + k * 70} Q1240 ${460 + k * 70} 1400 ${520 + k * 70}" fill="none" stroke="${colour}" stroke-width="40"/>`,
      )
      .join(
        "",
      )}<circle cx="260" cy="420" r="40" fill="${c.sun}"/><circle cx="1240" cy="420" r="40" fill="${c.sun}"/><rect y="900" width="1500" height="100" fill="${c.road}"/>${bike(560, 960, 0.9, c.blue)}`,
  benches: () =>
    `${sky(W, H)}${sun(760, 150, 70)}${cloud(1200, 150)}${ground(560, W, H)}<path d="M0 860 Q750 700 1500 860 V1000 H0 Z" fill="${c.pavement}"/>${tree(250, 640, 1.2)}${tree(800, 620, 1.1, c.leafLight)}${tree(1330, 640, 1.2)}${bench(380, 740, 1)}${bench(950, 740, 1)}<rect x="705" y="430" width="14" height="360" fill="${c.navy}"/><rect x="680" y="410" width="64" height="34" rx="8" fill="${c.navy}"/><rect x="690" y="444" width="44" height="16" fill="${c.sun}"/>${each(8, (i) => flower(120 + i * 180, 840 + (i % 2) * 40, pick(flowers, i), 0.9))}`,
  bikes: () =>
    `${sky(W, H)}${sun(1280, 140)}${house(80, 640, 560, 360, "#e6b8a2")}${ground(640, W, H, c.pavement)}${bike(120, 920, 1.1, c.brick)}${bike(760, 900, 1, c.blue)}<rect x="1180" y="740" width="220" height="120" rx="10" fill="${c.brick}"/><rect x="1180" y="740" width="220" height="30" fill="${c.roof}"/><rect x="1250" y="715" width="80" height="30" rx="10" fill="none" stroke="${c.navy}" stroke-width="10"/><rect x="1420" y="700" width="18" height="200" fill="${c.stone}"/><rect x="1400" y="890" width="58" height="16" fill="${c.navy}"/>`,
  solar: () =>
    `${sky(W, H)}${sun(1300, 160, 110)}${cloud(300, 140)}${ground(780, W, H)}<rect x="260" y="420" width="980" height="360" fill="#e6b8a2"/><polygon points="220,430 750,170 1280,430" fill="${c.roof}"/>${each(4, (r) => each(8 - r * 2, (k) => `<polygon points="${330 + r * 95 + k * 110},${400 - r * 58} ${430 + r * 95 + k * 110},${400 - r * 58} ${450 + r * 95 + k * 110},${350 - r * 58} ${350 + r * 95 + k * 110},${350 - r * 58}" fill="${c.navy}" stroke="#74c0fc" stroke-width="4"/>`))}${each(4, (k) => `<rect x="${330 + k * 240}" y="500" width="120" height="110" fill="#eaf4fb" stroke="${c.white}" stroke-width="8"/>`)}<rect x="700" y="640" width="110" height="140" fill="${c.navy}"/>${tree(120, 800, 0.9)}${tree(1400, 800, 0.8, c.leafLight)}`,
} satisfies Record<string, () => string>;

export type IdeaScene = keyof typeof ideaScenes;

export function ideaSceneSvg(scene: IdeaScene): string {
  return svgDocument(W, H, ideaScenes[scene]());
}

const CW = COVER_SIZE.width;
const CH = COVER_SIZE.height;

/** A street of houses: the covers' common ground, in the round's own colours. */
const street = (walls: readonly string[], base: number, lit = false) =>
  walls
    .map((wall, i) => house(40 + i * (CW / walls.length), base, CW / walls.length - 80, 220 + ((i * 70) % 150), wall, i % 2 ? c.navy : c.roof, lit))
    .join("");

const coverScenes = {
  /** Vonk Keizerslanden: houses, trees and a line of flags, and sparks in the sky. */
  spark: () =>
    `${sky(CW, CH)}${sun(1600, 120, 70)}${cloud(500, 110)}${street(["#e6b8a2", "#f2d398", "#cfd8e3", "#e6b8a2", "#f2d398"], 560)}${ground(560, CW, CH)}${tree(330, 600, 0.8)}${tree(1100, 610, 0.9, c.leafLight)}${bunting(0, 180, CW, 200, 26, [c.brick, c.yellow, c.blue, c.leafLight])}${each(6, (i) => `<path d="M${200 + i * 280} ${300 - (i % 2) * 60} l10 -30 l10 30 l30 10 l-30 10 l-10 30 l-10 -30 l-30 -10 z" fill="${c.yellow}"/>`)}<rect y="680" width="${CW}" height="70" fill="${c.pavement}"/>`,
  /** Assen Top Idee: flats, a football goal and a basketball hoop for the young people who make the plans. */
  youth: () =>
    `${sky(CW, CH)}${sun(200, 120, 70)}${cloud(1300, 120)}${each(3, (i) => `<rect x="${700 + i * 360}" y="${200 + (i % 2) * 60}" width="300" height="${400 - (i % 2) * 60}" fill="${["#cfd8e3", "#e6b8a2", "#f2d398"][i]}"/>${each(4, (r) => each(3, (k) => `<rect x="${730 + i * 360 + k * 90}" y="${230 + (i % 2) * 60 + r * 85}" width="56" height="50" fill="#eaf4fb"/>`))}`)}${ground(600, CW, CH)}<g fill="none" stroke="${c.white}" stroke-width="14"><path d="M120 640 V480 H520 V640"/></g><g stroke="#dfe6ec" stroke-width="3">${each(9, (i) => `<path d="M${140 + i * 44} 490 V640"/>`)}</g><circle cx="640" cy="660" r="36" fill="${c.white}"/><circle cx="640" cy="660" r="12" fill="${c.navy}"/><rect x="1620" y="330" width="16" height="330" fill="${c.navy}"/><rect x="1560" y="300" width="100" height="70" fill="${c.white}" stroke="${c.navy}" stroke-width="6"/><ellipse cx="1580" cy="390" rx="40" ry="10" fill="none" stroke="${c.brick}" stroke-width="8"/>${tree(1450, 640, 0.7)}`,
  /** Buurtbudget Binnenstad: tall gabled houses along a canal. */
  canal: () =>
    `${sky(CW, CH)}${cloud(1400, 110)}${sun(300, 110, 60)}${each(8, (i) => {
      const x = 20 + i * 225;
      const h = 360 + ((i * 53) % 120);
      const wall = ["#8c5a3c", "#c2410c", "#e6b8a2", "#6b7b8c"][i % 4];
      return `<rect x="${x}" y="${520 - h}" width="200" height="${h}" fill="${wall}"/><path d="M${x} ${520 - h} h40 v-40 h40 v-40 h40 v40 h40 v40 h40" fill="${wall}"/>${each(3, (r) => `<rect x="${x + 30}" y="${560 - h + r * 100}" width="50" height="64" fill="#eaf4fb"/><rect x="${x + 120}" y="${560 - h + r * 100}" width="50" height="64" fill="#eaf4fb"/>`)}`;
    })}<rect y="520" width="${CW}" height="40" fill="${c.stone}"/><rect y="560" width="${CW}" height="190" fill="${c.water}"/>${each(10, (i) => `<rect x="${60 + i * 180}" y="${600 + (i % 3) * 40}" width="90" height="8" rx="4" fill="${c.waterLight}"/>`)}<path d="M1100 640 h340 l-40 50 h-260 z" fill="${c.brick}"/>`,
  /** Groen Keizerslanden: a green street, trees, flowers and a rain barrel. */
  green: () =>
    `${sky(CW, CH)}${sun(1620, 110, 70)}${cloud(700, 100)}${street(["#e6b8a2", "#cfd8e3", "#f2d398", "#e6b8a2"], 540)}${ground(540, CW, CH, c.grassDark)}${each(5, (i) => tree(120 + i * 400, 640, 0.85, i % 2 ? c.leafLight : c.leaf))}${each(34, (i) => flower(30 + i * 53, 640 + (i % 3) * 22, pick(flowers, i), 0.9))}`,
  /** Buurtprijs Keizerslanden: an evening party on the square, with lights and flags. */
  party: () =>
    `${sky(CW, CH, c.evening)}<circle cx="1600" cy="110" r="50" fill="#fff3bf"/>${street(["#8c5a3c", "#6b7b8c", "#8c5a3c", "#6b7b8c", "#8c5a3c"], 580, true)}<rect y="580" width="${CW}" height="170" fill="#3b3f46"/>${bunting(0, 150, CW, 170, 30, [c.sun, "#ff8787", "#74c0fc", "#8ce99a"])}<rect x="700" y="470" width="400" height="30" fill="${c.wood}"/><path d="M740 500 V600 M1060 500 V600" stroke="${c.woodDark}" stroke-width="20"/><rect x="780" y="430" width="60" height="40" fill="${c.brick}"/><circle cx="960" cy="450" r="22" fill="${c.sun}"/>`,
  /** Buurtvonk Keizerslanden: what came of it, a vegetable garden and new benches in the sun. */
  harvest: () =>
    `${sky(CW, CH)}${sun(1550, 130, 80)}${cloud(400, 110)}${street(["#f2d398", "#e6b8a2", "#cfd8e3", "#f2d398"], 520)}${ground(520, CW, CH)}${each(3, (i) => `<rect x="${120 + i * 380}" y="590" width="320" height="110" fill="${c.wood}" stroke="${c.trunk}" stroke-width="10"/>${each(4, (j) => `<circle cx="${160 + i * 380 + j * 78}" cy="580" r="28" fill="${[c.leafLight, c.brick, c.yellow][i]}"/>`)}`)}${bench(1300, 620, 0.9)}${tree(1640, 640, 0.8)}`,
} satisfies Record<string, () => string>;

export type CoverScene = keyof typeof coverScenes;

export function coverSceneSvg(scene: CoverScene): string {
  return svgDocument(CW, CH, coverScenes[scene]());
}

export const allIdeaScenes = Object.keys(ideaScenes) as IdeaScene[];
export const allCoverScenes = Object.keys(coverScenes) as CoverScene[];
