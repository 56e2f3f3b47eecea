import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import type { CheckLine } from "~/modules/voting/eligibility";
import type { InvalidCount, InvalidReason } from "~/modules/voting/ballot-review";
import { INVALID_REASONS } from "~/modules/voting/ballot-review";
import { joinList } from "./contest-texts";

/** Who may vote and how that is checked (issue 15), on the round's page and with its results. */
export function EligibilityCheck({
  lines,
  areaNames,
  title,
  invalid,
}: {
  lines: readonly CheckLine[];
  areaNames: readonly string[];
  title: "whoVotes" | "howChecked";
  invalid?: InvalidCount | null;
}) {
  const t = useT();
  const locale = useLocale();
  const count = useCountText();
  if (lines.length === 0) return null;
  const areas = joinList([...areaNames], locale);
  const reasons = invalid
    ? INVALID_REASONS.flatMap((r: InvalidReason) => (invalid.byReason[r] ? [`${invalid.byReason[r]} × ${t(`rounds.invalidReason.${r}`)}`] : []))
    : [];
  return (
    <>
      <h3>{t(`rounds.${title}`)}</h3>
      <ul className="eligibility">
        {lines.map((line) => (
          <li key={line.key}>{t(`rounds.${line.key}`, { areas, age: line.age ?? 0 })}</li>
        ))}
      </ul>
      {invalid && invalid.total > 0 ? (
        <p>
          {count(invalid.total, { one: "rounds.checkInvalidOne", other: "rounds.checkInvalid" }, { count: invalid.total, reasons: joinList(reasons, locale) })}
        </p>
      ) : null}
    </>
  );
}
