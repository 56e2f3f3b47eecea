import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { COVER_SIZE, IDEA_SIZE, allCoverScenes, allIdeaScenes, coverSceneSvg, ideaSceneSvg } from "./scenes";
import { coverPictures, ideaPictures } from "./seed";

// The demo's drawings (issue 18.14): each is an SVG sharp can read at its size, and every picture the
// demo hands out names a drawing and describes it for people who cannot see it.

describe("the demo's drawings", () => {
  it("are SVG documents sharp reads at the idea and cover sizes", async () => {
    for (const scene of allIdeaScenes) {
      expect(await sharp(Buffer.from(ideaSceneSvg(scene))).metadata(), scene).toMatchObject({ format: "svg", ...IDEA_SIZE });
    }
    for (const scene of allCoverScenes) {
      expect(await sharp(Buffer.from(coverSceneSvg(scene))).metadata(), scene).toMatchObject({ format: "svg", ...COVER_SIZE });
    }
  });

  it("draw everything themselves: no linked images, scripts or outside references", () => {
    for (const svg of [...allIdeaScenes.map(ideaSceneSvg), ...allCoverScenes.map(coverSceneSvg)]) {
      expect(svg).not.toMatch(/<image|href=|<script|url\(/);
    }
  });

  it("are each described, and every picture in the demo names one", () => {
    const pictures = [...Object.values(ideaPictures).flatMap((round) => Object.values(round)), ...Object.values(coverPictures)];
    for (const picture of pictures) {
      expect([...allIdeaScenes, ...allCoverScenes] as string[]).toContain(picture.scene);
      expect(picture.alt).toMatch(/^Een tekening van .{15,}\.$/);
    }
  });
});
