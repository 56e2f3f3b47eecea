import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { now } from "~/lib/clock.server";
import { listPublicContests, roundsAtPostcode } from "~/modules/contests/public-contests.server";
import { getAuth } from "~/modules/auth/session.server";
import { groupForPublicList } from "~/modules/contests/public-view";
import { ContestCard } from "~/ui/contest-card";
import { PageTitle } from "~/ui/page-title";
import roundsStyles from "~/ui/rounds.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roundsStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const at = now();
  // Running and announced rounds; finished ones are on /rondes. Concept and binnenkort stay hidden.
  const { current, upcoming } = groupForPublicList(await listPublicContests(at));
  const contests = [...current, ...upcoming];
  // A logged-in resident needs no "Maak een account", and hears it when no round here is for their postcode (issue 18).
  const { user } = await getAuth(request);
  const resident = user
    ? {
        postcode: user.postcode,
        roundsHere: (
          await roundsAtPostcode(
            contests.map((c) => c.slug),
            user.postcode,
          )
        ).length,
      }
    : null;
  return { now: at, contests, resident };
}

const steps = [
  { n: 1, title: "home.step1Title", text: "home.step1" },
  { n: 2, title: "home.step2Title", text: "home.step2" },
  { n: 3, title: "home.step3Title", text: "home.step3" },
  { n: 4, title: "home.step4Title", text: "home.step4" },
] as const;

export default function HomePage() {
  const t = useT();
  const { now, contests, resident } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("app.tagline")} />
      <section className="hero">
        <div className="hero-inner">
          <h1>{t("home.title")}</h1>
          <p className="lead">{t("home.lead")}</p>
          <p className="hero-actions">
            <a className="button primary" href="#rondes">
              {t("home.cta")}
            </a>
            {resident ? null : (
              <Link className="button" to="/registreren">
                {t("home.ctaRegister")}
              </Link>
            )}
          </p>
        </div>
        <div className="hero-stickers" aria-hidden="true">
          <span className="sticker s1" />
          <span className="sticker s2" />
          <span className="sticker s3" />
        </div>
      </section>
      <section className="page" aria-labelledby="zo-werkt-het">
        <h2 id="zo-werkt-het">{t("home.howTitle")}</h2>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.n} className="step">
              <span className="step-number" aria-hidden="true">
                {s.n}
              </span>
              <h3>{t(s.title)}</h3>
              <p>{t(s.text)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section className="page" id="rondes" aria-labelledby="rondes-titel">
        <h2 id="rondes-titel">{t("home.currentTitle")}</h2>
        {contests.length === 0 ? <p>{t("home.noneCurrent")}</p> : null}
        {resident && contests.length > 0 && resident.roundsHere === 0 ? (
          <p className="notice" role="note">
            {t("home.noRoundHere", { postcode: resident.postcode })} <Link to="/account/wijzigen">{t("home.changePostcode")}</Link>.
          </p>
        ) : null}
        <ul className="card-grid">
          {contests.map((contest) => (
            <ContestCard key={contest.slug} contest={contest} now={now} showIntro />
          ))}
        </ul>
        <p className="rounds-more">
          <Link to="/rondes">{t("rounds.homeAll")}</Link>
        </p>
      </section>
    </>
  );
}
