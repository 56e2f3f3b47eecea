import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { translator, type MessageKey } from "~/lib/i18n";
import { plural } from "~/lib/i18n/numbers";
import { ceremonySlides } from "~/modules/results/ceremony";
import { computeContestOutcome } from "~/modules/results/contest-outcome";
import type { RoundLook } from "~/modules/auth/organisation-look";
import { CeremonyView } from "./ceremony-view";
import { ResultsChart } from "./results-chart";

// The hooks read the locale from the root loader; outside Remix we give them Dutch.
vi.mock("~/lib/i18n/react", () => ({
  useT: () => translator("nl"),
  useLocale: () => "nl",
  useCountText: () => (n: number, keys: { one: MessageKey; other: MessageKey }, params?: Record<string, string | number>) =>
    translator("nl")(plural("nl", n, keys), params),
}));
vi.mock("@remix-run/react", () => ({
  Link: ({ to, children }: { to: string; children: unknown }) => <a href={to}>{children as string}</a>,
}));

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

describe("ResultsChart", () => {
  const rows = [
    { ideaId: 1, title: "Bankjes in het park", href: "/rondes/x/ideeen/1", rank: 1, stickers: 1250, poster: 250, chosen: true },
    { ideaId: 2, title: "Boekenkastje", rank: 2, stickers: 1, poster: 0, chosen: false },
    { ideaId: 3, title: "Moestuin", rank: 3, stickers: 0, poster: 0, chosen: false },
  ];

  it("reads as an ordered list with the numbers as text; the bars are hidden from screen readers", () => {
    const html = renderToStaticMarkup(<ResultsChart rows={rows} labelledBy="grafiek" />);
    expect(html).toMatch(/^<ol class="results-chart" aria-labelledby="grafiek">/);
    expect(text(html)).toContain("Plaats 1: Bankjes in het park , gekozen , 1.250 stickers (250 op papier)");
    expect(text(html)).toContain("Plaats 2: Boekenkastje , 1 sticker");
    expect(html).toContain('href="/rondes/x/ideeen/1"');
    expect(html).toContain("--share:100%");
    expect(html).toContain("--poster:20%");
    expect(html).toContain("--share:0.1%");
    expect(html.match(/results-chart-track" aria-hidden="true"/g)).toHaveLength(3);
  });
});

describe("CeremonyView", () => {
  const ideas = [
    { id: 1, cost: 600 },
    { id: 2, cost: 500 },
  ];
  const outcome = computeContestOutcome({
    rule: "prizes-by-rank",
    budget: 1000,
    ideas,
    ballots: [[1, 2], [1]],
    totals: [
      { ideaId: 1, digital: 2, poster: 0, total: 2 },
      { ideaId: 2, digital: 1, poster: 0, total: 1 },
    ],
    prizes: [
      { position: 1, name: "eerste prijs", amountEuros: 750 },
      { position: 2, name: "tweede prijs", amountEuros: 250 },
    ],
    drawSeed: "ceremonie",
  });
  const slides = ceremonySlides(outcome, 2);
  const render = (index: number, look?: RoundLook) =>
    renderToStaticMarkup(
      <CeremonyView
        look={look}
        vat="incl"
        contestTitle="Vonk 2027"
        slides={slides}
        ideas={{ 1: { title: "Bankjes" }, 2: { title: "Boekenkastje" } }}
        initialIndex={index}
        hrefFor={(i) => `/organiseren/vonk/uitreiking?stap=${i + 1}`}
        exitHref="/organiseren/vonk/uitslag"
        finaleAction={<button type="submit">Maak de uitslag openbaar</button>}
      />,
    );

  it("shows one slide at a time, with links that work without JavaScript", () => {
    const first = render(0);
    expect(text(first)).toContain("Welkom bij de prijsuitreiking");
    expect(first).toContain('href="/organiseren/vonk/uitreiking?stap=2"');
    expect(text(first)).toContain("Stap 1 van 7");
    expect(first).not.toContain('rel="prev"');
  });

  it("announces the lowest prize first, then reveals its winner", () => {
    expect(text(render(1))).toContain("2 bewoners");
    expect(text(render(2))).toContain("tweede prijs € 250 incl. btw gaat naar …");
    expect(text(render(2))).not.toContain("Boekenkastje");
    expect(text(render(3))).toContain("Boekenkastje 1 sticker");
    expect(text(render(5))).toContain("Bankjes 2 stickers");
  });

  it("ends with the winners, the thanks and the organiser's action", () => {
    const last = render(6);
    expect(text(last)).toContain("Gefeliciteerd!");
    expect(last).toMatch(/<ol class="ceremony-winners"><li>Bankjes<\/li><li>Boekenkastje<\/li><\/ol>/);
    expect(last).toContain("Maak de uitslag openbaar");
    expect(last).not.toContain('rel="next"');
  });

  it("keeps Wijkvonk's navy without an organisation's look, and shows its logo and darker shades of its colour with one (ADR 025)", () => {
    const plain = render(0);
    expect(plain).not.toContain("--ceremony-light");
    expect(plain).not.toContain("<img");
    const branded = render(0, { organisationName: "Wijkteam Noord", logo: { src: "/organisatielogos/x-1600.webp", alt: "Wijkteam Noord" }, accent: "#1f3a5f" });
    expect(branded).toContain('<img class="ceremony-logo" src="/organisatielogos/x-1600.webp" alt="Wijkteam Noord"/>');
    expect(branded).toMatch(/--ceremony-light:#[0-9a-f]{6};--ceremony-mid:#[0-9a-f]{6};--ceremony-dark:#[0-9a-f]{6}/);
  });
});
