import { useCountText, useT } from "~/lib/i18n/react";
import type { Turnout } from "~/modules/voting/tally-input";

// Turnout during the vote (issue 6): how many residents voted and how, never what they chose.
export function TurnoutFigures({ turnout }: { turnout: Turnout }) {
  const t = useT();
  const count = useCountText();
  return (
    <dl className="turnout">
      <div>
        <dt>{t("voting.turnoutTotalLabel")}</dt>
        <dd>{count(turnout.total, { one: "voting.turnoutTotalOne", other: "voting.turnoutTotal" }, { n: turnout.total })}</dd>
      </div>
      <div>
        <dt>{t("voting.turnoutOnline")}</dt>
        <dd>{turnout.online}</dd>
      </div>
      <div>
        <dt>{t("voting.turnoutCode")}</dt>
        <dd>{turnout.code}</dd>
      </div>
      <div>
        <dt>{t("voting.turnoutPoster")}</dt>
        <dd>{turnout.poster}</dd>
      </div>
    </dl>
  );
}
