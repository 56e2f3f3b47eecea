import { Link } from "@remix-run/react";
import { formatAmount, formatCountdown, formatDateTime, vatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";

import { nextDeadline, type PhaseState } from "~/modules/contests/public-view";
import { PhaseBadge } from "./phase-badge";
import { phaseName } from "~/ui/phase-words";

export type ContestCardData = {
  slug: string;
  title: string;
  intro: string;
  organisationName: string;
  areaNames: string[];
  budgetEuros: number;
  amountsIncludeVat: boolean;
  phase: PhaseState;
  /** The round's cover picture (small size); a card without one shows its text only. */
  image?: { src: string; alt: string } | null;
};

/** One contest in a list: the whole card links to its page. Styles in ~/ui/rounds.css. */
export function ContestCard({
  contest,
  now,
  heading = "h3",
  showIntro = false,
}: {
  contest: ContestCardData;
  now: number;
  heading?: "h2" | "h3";
  showIntro?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = heading;
  return (
    <li className={`card contest-card${contest.image ? " has-image" : ""}`}>
      {/* The cover repeats what the card's title says; its description is on the round's own page. */}
      {contest.image ? <img className="contest-card-image" src={contest.image.src} alt="" width={480} height={200} loading="lazy" /> : null}
      <p className="contest-card-badge">
        <PhaseBadge phase={contest.phase.phase} inGap={contest.phase.inGap} />
      </p>
      <Heading className="contest-card-title">
        <Link className="card-link" to={`/rondes/${contest.slug}`}>
          {contest.title}
        </Link>
      </Heading>
      <p className="muted contest-card-org">{t("rounds.organisedBy", { organisation: contest.organisationName })}</p>
      {showIntro && contest.intro ? <p className="contest-card-intro">{contest.intro}</p> : null}
      <dl className="contest-facts">
        {contest.areaNames.length > 0 ? (
          <div>
            <dt>{contest.areaNames.length === 1 ? t("rounds.areaOne") : t("rounds.areaMany")}</dt>
            <dd>{contest.areaNames.join(", ")}</dd>
          </div>
        ) : null}
        <DeadlineFact phase={contest.phase} now={now} />
        <div>
          <dt>{t("rounds.budget")}</dt>
          <dd className="nowrap">{formatAmount(contest.budgetEuros, locale, vatTerms(contest))}</dd>
        </div>
      </dl>
    </li>
  );
}

/** "Ideeën indienen tot / 29 maart 2027, 09:00 / nog 18 dagen en 21 uur", or when the contest closed. */
export function DeadlineFact({ phase, now }: { phase: PhaseState; now: number }) {
  const t = useT();
  const locale = useLocale();
  const deadline = nextDeadline(phase);
  if (!deadline) {
    if (phase.phase !== "afgesloten" || phase.since === null) return null;
    return (
      <div>
        <dt>{t("rounds.closedOn")}</dt>
        <dd>{formatDateTime(phase.since, locale)}</dd>
      </div>
    );
  }
  const label = phaseName(t, deadline.phase);
  return (
    <div>
      <dt>{deadline.kind === "starts" ? t("rounds.deadlineStarts", { phase: label }) : t("rounds.deadlineEnds", { phase: label })}</dt>
      <dd>
        <time dateTime={new Date(deadline.at).toISOString()}>{formatDateTime(deadline.at, locale)}</time>
        <span className="countdown">{formatCountdown(deadline.at - now, locale)}</span>
      </dd>
    </div>
  );
}
