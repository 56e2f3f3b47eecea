import type { APIRequestContext, Browser } from "@playwright/test";
import { demo, demoPassword, expect, test } from "./fixtures";

// One table for who may open what (issue 10): every protected page as every role. Expected answers:
// 200 shown, 403 refused, "login" sent to the log-in page, 404 hidden (a concept is not public), 409 not in this phase.
const roles = {
  anonymous: null,
  bewoner: demo.bewoner,
  jurylid: demo.jurylid,
  organisatorElders: "organisator@assen.nl",
  organisator: demo.organisator,
  beheerder: demo.beheerder,
} as const;
type Role = keyof typeof roles;
type Answer = 200 | 403 | 404 | 409 | "login";

const vonk = "/organiseren/vonk-keizerslanden-2027";
const groen = "/organiseren/groen-keizerslanden-2026";
const consolePage: Record<Role, Answer> = { anonymous: "login", bewoner: 403, jurylid: 403, organisatorElders: 403, organisator: 200, beheerder: 200 };
const organiserArea: Record<Role, Answer> = { ...consolePage, organisatorElders: 200 };
const juryPage: Record<Role, Answer> = { anonymous: "login", bewoner: 403, jurylid: 200, organisatorElders: 403, organisator: 200, beheerder: 200 };
const anyAccount: Record<Role, Answer> = { anonymous: "login", bewoner: 200, jurylid: 200, organisatorElders: 200, organisator: 200, beheerder: 200 };
const everyone: Record<Role, Answer> = { anonymous: 200, bewoner: 200, jurylid: 200, organisatorElders: 200, organisator: 200, beheerder: 200 };

const table: [path: string, answers: Record<Role, Answer>][] = [
  ["/account", anyAccount],
  ["/account/gegevens", anyAccount],
  ["/account/verwijderen", anyAccount],
  ["/account/meldingen", anyAccount],
  ["/account/wijzigen", anyAccount],
  // The link in a mail needs no log-in: its signed token is the permission (ADR 017).
  ["/meldingen/afmelden", everyone],
  ["/e-mailadres-bevestigen", everyone],
  ["/beheer", { anonymous: "login", bewoner: 403, jurylid: 403, organisatorElders: 403, organisator: 403, beheerder: 200 }],
  ["/organiseren", organiserArea],
  ["/organiseren/nieuw", organiserArea],
  ["/organiseren/gebieden", organiserArea],
  [vonk, consolePage],
  [`${vonk}/instellingen`, consolePage],
  [`${vonk}/planning`, consolePage],
  [`${vonk}/logboek`, consolePage],
  [`${vonk}/ideeen`, consolePage],
  [`${vonk}/jury`, consolePage],
  [`${vonk}/stemmen`, consolePage],
  [`${vonk}/stemmen/controle`, consolePage],
  [`${vonk}/stemmen/adressen`, consolePage],
  [`${vonk}/uitslag`, consolePage],
  // Allowed, but not in this phase: the organiser hears 409, everybody else is refused before the phase is even looked at.
  [`${vonk}/uitreiking`, { ...consolePage, organisator: 409, beheerder: 409 }],
  [`${vonk}/taakgroepen`, consolePage],
  [`${vonk}/nazorg`, consolePage],
  [`${vonk}/deelname`, consolePage],
  ["/organiseren/ondersteuners", organiserArea],
  ["/organiseren/team", organiserArea],
  // An organisation's logo and colour (ADR 025): its own organisers and the beheerder only.
  ["/organiseren/uiterlijk/wijkteam-keizerslanden", consolePage],
  ["/organiseren/importeren", organiserArea],
  [`${groen}/stemmen/balie`, consolePage],
  [`${groen}/stemmen/posters`, consolePage],
  ["/jury", anyAccount],
  ["/jury/vonk-keizerslanden-2027", juryPage],
  ["/jury/vonk-keizerslanden-2027/overzicht", juryPage],
  ["/jury/vonk-keizerslanden-2027/besluit", juryPage],
  ["/rondes/buurtbudget-binnenstad-2028", { ...everyone, anonymous: 404, bewoner: 404, jurylid: 404, organisatorElders: 404 }],
  ["/rondes/vonk-keizerslanden-2027", everyone],
  ["/rondes/vonk-keizerslanden-2027/ideeen", everyone],
  // The map's address look-up (issue 18): for whoever may see the round, so not for a concept's.
  ["/rondes/buurtbudget-binnenstad-2028/adres-zoeken?q=Zwolseweg%2012", { ...everyone, anonymous: 404, bewoner: 404, jurylid: 404, organisatorElders: 404 }],
  ["/rondes/vonk-keizerslanden-2027/adres-zoeken?q=Zwolseweg%2012", everyone],
  ["/rondes/buurtvonk-keizerslanden-2025/wat-is-er-van-geworden", everyone],
  // The round's money and its CSV (issue 21.5): public after the reveal; a concept has none, not even for its organisers.
  ["/rondes/buurtvonk-keizerslanden-2025/geld", everyone],
  ["/rondes/buurtvonk-keizerslanden-2025/geld.csv", everyone],
  ["/rondes/buurtbudget-binnenstad-2028/geld.csv", { anonymous: 404, bewoner: 404, jurylid: 404, organisatorElders: 404, organisator: 404, beheerder: 404 }],
];

/** Pages whose forms change something, for the posts below. */
const postedPages = [
  `${vonk}/instellingen`,
  `${vonk}/planning`,
  `${vonk}/ideeen/lijsten`,
  `${vonk}/stemmen/controle`,
  `${vonk}/stemmen/adressen`,
  `${vonk}/stemmen/adressen-brieven`,
  `${groen}/stemmen/balie`,
  "/organiseren/nieuw",
];

async function contextFor(browser: Browser, baseURL: string, email: string | null): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL });
  if (email) {
    const login = await context.request.post("/inloggen", { form: { email, password: demoPassword, redirectTo: "/" }, maxRedirects: 0 });
    expect(login.status(), `log-in of ${email}`).toBe(302);
  }
  return context.request;
}

function answerOf(status: number, location: string | undefined): Answer | number {
  if (status === 302 && location?.startsWith("/inloggen")) return "login";
  return status;
}

test("every role gets exactly the answer the table gives, for every protected page", async ({ browser, baseURL }) => {
  const mismatches: string[] = [];
  for (const [role, email] of Object.entries(roles) as [Role, string | null][]) {
    const request = await contextFor(browser, baseURL!, email);
    for (const [path, answers] of table) {
      const response = await request.get(path, { maxRedirects: 0 });
      const got = answerOf(response.status(), response.headers()["location"]);
      if (got !== answers[role]) mismatches.push(`${role} ${path}: expected ${answers[role]}, got ${got}`);
    }
  }
  expect(mismatches).toEqual([]);
});

test("state-changing posts are refused for roles that may not make them", async ({ browser, baseURL }) => {
  // Valid enough to reach the permission check: a new contest for Wijkteam Keizerslanden (organisation 1 in the demo).
  const post = { title: "Overgenomen", intro: "", minTaakgroepSize: "4", organisationId: "1", budgetEuros: "1000" };
  const expected: Record<Role, Answer> = { anonymous: "login", bewoner: 403, jurylid: 403, organisatorElders: 403, organisator: 200, beheerder: 200 };
  const mismatches: string[] = [];
  for (const [role, email] of Object.entries(roles) as [Role, string | null][]) {
    if (expected[role] === 200) continue;
    const request = await contextFor(browser, baseURL!, email);
    for (const path of postedPages) {
      const response = await request.post(path, { form: post, maxRedirects: 0 });
      const got = answerOf(response.status(), response.headers()["location"]);
      if (got !== expected[role]) mismatches.push(`${role} POST ${path}: expected ${expected[role]}, got ${got}`);
    }
  }
  expect(mismatches).toEqual([]);
});
