import { one, many, run } from "../../query.server";
import { transact } from "../../transact.server";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { PHOTO_WIDTHS } from "../../../app/lib/photos";
import type { Db } from "../../client.server";
import { contests, ideaPhotos, ideas } from "../../schema";
import { loadSharp, processPhoto, writePhotoFiles, type PhotoFolder, type ProcessedPhoto } from "../../../app/lib/photos.server";
import { coverSceneSvg, ideaSceneSvg, type CoverScene, type IdeaScene } from "./scenes";

// The demo's pictures: drawn as SVG (./scenes.ts), turned into a JPEG as a camera would hand it over,
// and then stored exactly as an upload is (processPhoto: decoded, re-encoded as WebP in two sizes,
// without metadata). So the demo exercises the real path. A few ideas have no picture on purpose: the
// demo shows how such a card looks too.

type Picture<Scene> = { scene: Scene; alt: string };

/** Per round, the ideas (by title) that get a picture. */
export const ideaPictures: Record<string, Record<string, Picture<IdeaScene>>> = {
  "vonk-keizerslanden-2027": {
    "Bankjes en bloemen bij de vijver": { scene: "pond", alt: "Een tekening van een vijver met riet, een wilg en een bankje op het gras." },
    "Speeltuin voor de kleintjes": { scene: "playground", alt: "Een tekening van een schommel en een zandbak op een grasveld." },
    "Veilig oversteken bij de school": { scene: "crossing", alt: "Een tekening van een straat met een zebrapad en een school op de achtergrond." },
    "Muurschildering in de onderdoorgang": { scene: "mural", alt: "Een tekening van een kleurige muurschildering met huizen en een zon in een tunnel." },
    "Moestuin voor de hele buurt": { scene: "garden", alt: "Een tekening van houten moestuinbakken met sla en tomaten." },
  },
  "groen-keizerslanden-2026": {
    "Bloemenlint langs de Zwolseweg": { scene: "flowerStrip", alt: "Een tekening van een strook bloemen tussen de stoep en de weg, met huizen erachter." },
    "Regenton bij elk buurthuis": { scene: "rainBarrel", alt: "Een tekening van een groene regenton onder de regenpijp van een buurthuis." },
    "Groene speelplek Het Hofje": { scene: "greenPlay", alt: "Een tekening van een speelplek met een wilgentunnel, boomstammen en stapstronken." },
    "Gereedschapsschuur voor de buurt": { scene: "toolShed", alt: "Een tekening van een houten schuur met schoppen en harken, en een kruiwagen." },
  },
  "buurtprijs-keizerslanden-2026": {
    "Jeu-de-boulesbaan bij De Linde": { scene: "boules", alt: "Een tekening van een jeu-de-boulesbaan met vier ballen en een bankje." },
    "Buurtbieb in de oude telefooncel": { scene: "phoneBooth", alt: "Een tekening van een groene telefooncel vol boeken, met BIEB erop." },
    "Lichtjes in de Weteringstraat": { scene: "lights", alt: "Een tekening van een straat 's avonds met snoeren gekleurde lichtjes tussen de huizen." },
    "Picknicktafels in het Keizerspark": { scene: "picnic", alt: "Een tekening van twee picknicktafels onder de bomen in het park." },
    "Muurschildering bij de fietstunnel": { scene: "tunnel", alt: "Een tekening van een fietstunnel met kleurige golven op de muur en een fiets." },
  },
  "buurtvonk-keizerslanden-2025": {
    "Moestuin achter De Linde": { scene: "garden", alt: "Een tekening van houten moestuinbakken met sla en tomaten." },
    "Bankjes langs de Ceintuurbaan": { scene: "benches", alt: "Een tekening van twee bankjes en een lantaarn onder de bomen langs een pad." },
    "Fietsenmaker-middag voor kinderen": { scene: "bikes", alt: "Een tekening van twee fietsen, een gereedschapskist en een pomp voor een huis." },
    "Zonnepanelen op het buurthuis": { scene: "solar", alt: "Een tekening van een buurthuis met zonnepanelen op het dak in de zon." },
  },
};

/** Every demo round gets a cover. */
export const coverPictures: Record<string, Picture<CoverScene>> = {
  "vonk-keizerslanden-2027": { scene: "spark", alt: "Een tekening van een straat in Keizerslanden met bomen en een slinger vlaggetjes." },
  "assen-top-idee-2027": { scene: "youth", alt: "Een tekening van flats met een voetbaldoel en een basketbalpaal op het grasveld." },
  "buurtbudget-binnenstad-2028": { scene: "canal", alt: "Een tekening van hoge oude huizen langs een gracht met een bootje." },
  "groen-keizerslanden-2026": { scene: "green", alt: "Een tekening van een groene straat met bomen en een strook bloemen." },
  "buurtprijs-keizerslanden-2026": { scene: "party", alt: "Een tekening van een buurtfeest 's avonds, met vlaggetjes en verlichte ramen." },
  "buurtvonk-keizerslanden-2025": { scene: "harvest", alt: "Een tekening van moestuinbakken en een bankje voor een rij huizen." },
};

/**
 * The processed files of a drawing are kept in .cache/demo-pictures (ignored by git), named by a hash of
 * the drawing and the sizes kept: processing takes about a quarter of a second a picture on a small
 * machine, and the e2e server seeds the demo on every start. A changed drawing gets a new name.
 */
const cacheDir = path.resolve(".cache", "demo-pictures");

async function processedFromCache(name: string): Promise<Omit<ProcessedPhoto, "storageKey"> | null> {
  try {
    const [large, small] = await Promise.all([readFile(path.join(cacheDir, `${name}-large.webp`)), readFile(path.join(cacheDir, `${name}-small.webp`))]);
    // Loaded when the demo is seeded, not when the server starts without it (issue 19).
    const sharp = await loadSharp();
    const { width, height } = await sharp(large).metadata();
    return width && height ? { width, height, files: { large, small } } : null;
  } catch {
    return null;
  }
}

async function keepInCache(name: string, photo: ProcessedPhoto): Promise<void> {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Through a temporary name: a second server seeding at the same moment never reads half a file.
    for (const size of ["large", "small"] as const) {
      const final = path.join(cacheDir, `${name}-${size}.webp`);
      await writeFile(`${final}.${process.pid}.tmp`, photo.files[size]);
      await rename(`${final}.${process.pid}.tmp`, final);
    }
  } catch {
    // A cache that cannot be written only makes the next seed slower.
  }
}

/**
 * A drawing as a photo arrives from a phone (a JPEG; a PNG for a logo, which keeps its transparency),
 * then through the same processing as an upload, and stored under a new random key, as every upload is.
 */
export async function storedPicture(svg: string, folder: PhotoFolder, arrivesAs: "jpeg" | "png" = "jpeg"): Promise<ProcessedPhoto> {
  const name = createHash("sha256").update(svg).update(arrivesAs).update(JSON.stringify(PHOTO_WIDTHS)).digest("hex").slice(0, 32);
  let processed = await processedFromCache(name);
  if (!processed) {
    const drawn = (await loadSharp())(Buffer.from(svg));
    const file = await (arrivesAs === "png" ? drawn.png() : drawn.jpeg({ quality: 90 })).toBuffer();
    const photo = await processPhoto(new Uint8Array(file));
    if (!photo) throw new Error("a demo picture could not be processed");
    await keepInCache(name, photo);
    processed = photo;
  }
  const photo = { ...processed, storageKey: randomBytes(16).toString("base64url") };
  await writePhotoFiles(photo, folder);
  return photo;
}

/** Draws, stores and attaches the demo's pictures: each its own stored photo, as two uploads of one drawing would be. */
export async function seedDemoPictures(db: Db): Promise<void> {
  const slugs = [...new Set([...Object.keys(ideaPictures), ...Object.keys(coverPictures)])];
  const rounds = await many(db.select({ id: contests.id, slug: contests.slug }).from(contests).where(inArray(contests.slug, slugs)));
  const wanted = (
    await Promise.all(
      rounds.map(async (round) =>
        (
          await Promise.all(
            Object.entries(ideaPictures[round.slug] ?? {}).map(async ([title, picture]) => {
              const idea = await one(
                db
                  .select({ id: ideas.id, createdAt: ideas.createdAt })
                  .from(ideas)
                  .where(and(eq(ideas.contestId, round.id), eq(ideas.title, title))),
              );
              return idea ? [{ idea, picture }] : [];
            }),
          )
        ).flat(),
      ),
    )
  ).flat();
  const covers = rounds.flatMap((round) => (coverPictures[round.slug] ? [{ round, picture: coverPictures[round.slug]! }] : []));

  const [ideaPhotosMade, coversMade] = await Promise.all([
    Promise.all(wanted.map(({ picture }) => storedPicture(ideaSceneSvg(picture.scene), "ideas"))),
    Promise.all(covers.map(({ picture }) => storedPicture(coverSceneSvg(picture.scene), "contests"))),
  ]);

  await transact(db, async (tx) => {
    for (const [i, { idea, picture }] of wanted.entries()) {
      const photo = ideaPhotosMade[i]!;
      await run(
        tx
          .insert(ideaPhotos)
          .values({ ideaId: idea.id, storageKey: photo.storageKey, altText: picture.alt, width: photo.width, height: photo.height, createdAt: idea.createdAt }),
      );
    }
    for (const [i, { round, picture }] of covers.entries()) {
      await run(tx.update(contests).set({ imagePath: coversMade[i]!.storageKey, imageAlt: picture.alt }).where(eq(contests.id, round.id)));
    }
  });
}
