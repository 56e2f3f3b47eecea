import { Form, Link } from "@remix-run/react";
import { formatAmount, type VatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { amountField, type BudgetSplit, type LeftoverPolicy, type PartItem, type PartKind, type PartsProblem } from "~/modules/contests/budget-parts-form";

// The round's budget in parts (ADR 026) on the settings page: a plain form of its own (no JavaScript
// needed), so that saving the parts never touches the other settings and the other way round.

const PROBLEM_KEYS: Record<PartsProblem, MessageKey> = {
  amountRequired: "budgetParts.errors.amountRequired",
  overBudget: "budgetParts.errors.overBudget",
  needsGreedy: "budgetParts.errors.needsGreedy",
  noItems: "budgetParts.errors.noItems",
  euroWhole: "validation.euroWhole",
};

export interface BudgetPartsSettingsProps {
  split: BudgetSplit;
  leftover: LeftoverPolicy;
  lists: { readonly [K in PartKind]: readonly PartItem[] };
  budget: number;
  vat: VatTerms;
  locked: boolean;
  ideasWithoutPart: number;
  listsHref: string;
  errors: Record<string, PartsProblem> | null;
  /** What was posted, shown again next to its errors. */
  posted: Record<string, string> | null;
}

export function BudgetPartsSettings(props: BudgetPartsSettingsProps) {
  const t = useT();
  const locale = useLocale();
  const { split, leftover, lists, budget, vat, locked, errors, posted } = props;
  const money = (euros: number) => formatAmount(euros, locale, vat);
  const splitLabels: Record<BudgetSplit, MessageKey> = {
    none: "budgetParts.splitNone",
    buurt: "budgetParts.splitBuurt",
    category: "budgetParts.splitCategory",
  };
  const chosen = posted?.budgetSplit ?? split;
  const chosenLeftover = posted?.leftoverPolicy ?? leftover;
  const partsNow = split === "none" ? [] : lists[split];
  const total = partsNow.reduce((sum, p) => sum + (p.budgetEuros ?? 0), 0);

  if (locked) {
    // A round without parts has nothing to show once its rules are fixed; the page already says they are.
    if (split === "none") return null;
    return (
      <section className="form-section stack" aria-labelledby="delen-titel" id="delen">
        <h3 id="delen-titel">{t("budgetParts.sectionTitle")}</h3>
        <p className="notice">{t("budgetParts.lockedNotice")}</p>
        <p>{t(splitLabels[split])}</p>
        {partsNow.length > 0 ? (
          <dl className="details">
            {partsNow.map((p) => (
              <div key={p.id}>
                <dt>{p.name}</dt>
                <dd>{money(p.budgetEuros ?? 0)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <p>{t(leftover === "unspent" ? "budgetParts.leftoverUnspent" : "budgetParts.leftoverFundWhatFits")}</p>
      </section>
    );
  }

  const splitError = errors?.budgetSplit;
  return (
    // Keyed by what is stored, so that after a save the fields show the saved amounts, not what was typed.
    <Form key={JSON.stringify([split, leftover, lists])} method="post" className="form-section stack" aria-labelledby="delen-titel" id="delen">
      <h3 id="delen-titel">{t("budgetParts.sectionTitle")}</h3>
      <p>{t("budgetParts.sectionLead")}</p>
      <p>
        <Link to={props.listsHref}>{t("budgetParts.listsLink")}</Link>
      </p>
      <input type="hidden" name="intent" value="budget-parts" />
      <fieldset className="choice-group field" data-invalid={splitError ? true : undefined} aria-describedby={splitError ? "delen-fout" : undefined}>
        <legend>{t("budgetParts.split")}</legend>
        {(["none", "buurt", "category"] as const).map((value) => (
          <div className="choice" key={value}>
            <input type="radio" id={`split-${value}`} name="budgetSplit" value={value} defaultChecked={chosen === value} />
            <label htmlFor={`split-${value}`}>{t(splitLabels[value])}</label>
          </div>
        ))}
        {splitError ? (
          <p className="field-error" id="delen-fout">
            {t(PROBLEM_KEYS[splitError])}
          </p>
        ) : null}
      </fieldset>
      {(["buurt", "category"] as const).map((kind) => (
        <fieldset className="choice-group field" key={kind}>
          <legend>{t(kind === "buurt" ? "budgetParts.amountsBuurt" : "budgetParts.amountsCategory")}</legend>
          {lists[kind].length === 0 ? <p className="muted">{t("budgetParts.noItems")}</p> : null}
          {lists[kind].map((item) => {
            const name = amountField(kind, item.id);
            const error = errors?.[name];
            return (
              <div className="field" key={item.id} data-invalid={error ? true : undefined}>
                <label htmlFor={name}>{t("budgetParts.amountFor", { name: item.name })}</label>
                <input
                  id={name}
                  name={name}
                  inputMode="numeric"
                  maxLength={20}
                  defaultValue={posted?.[name] ?? (item.budgetEuros === null ? "" : String(item.budgetEuros))}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${name}-fout` : undefined}
                />
                {error ? (
                  <p className="field-error" id={`${name}-fout`}>
                    {t(PROBLEM_KEYS[error])}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ))}
      <fieldset className="choice-group field">
        <legend>{t("budgetParts.leftover")}</legend>
        {(["fund-what-fits", "unspent"] as const).map((value) => (
          <div className="choice" key={value}>
            <input type="radio" id={`leftover-${value}`} name="leftoverPolicy" value={value} defaultChecked={chosenLeftover === value} />
            <label htmlFor={`leftover-${value}`}>{t(value === "unspent" ? "budgetParts.leftoverUnspent" : "budgetParts.leftoverFundWhatFits")}</label>
          </div>
        ))}
      </fieldset>
      {split === "none" ? null : <p>{t("budgetParts.partsTotal", { total: money(total), budget: money(budget) })}</p>}
      {props.ideasWithoutPart > 0 ? <p className="notice warning">{t("budgetParts.ideasWithoutPart", { count: String(props.ideasWithoutPart) })}</p> : null}
      <div>
        <button type="submit" className="button">
          {t("budgetParts.save")}
        </button>
      </div>
    </Form>
  );
}

/** On the organiser's page of one idea: the part of the budget it is paid from; fixed once voting starts. */
export function IdeaPartForm({ parts, current, locked }: { parts: { id: number; name: string }[]; current: number | null; locked: boolean }) {
  const t = useT();
  const currentName = parts.find((p) => p.id === current)?.name ?? t("budgetParts.idea.none");
  return (
    <section className="card stack" aria-labelledby="deel-titel">
      <h3 id="deel-titel">{t("budgetParts.idea.title")}</h3>
      {locked ? (
        <>
          <p>{currentName}</p>
          <p className="muted small">{t("budgetParts.idea.locked")}</p>
        </>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="set-part" />
          <div className="field">
            <label htmlFor="idea-part">{t("budgetParts.idea.choose")}</label>
            <p className="field-hint" id="idea-part-hint">
              {t("budgetParts.idea.lead")}
            </p>
            <select id="idea-part" name="partId" defaultValue={current === null ? "" : String(current)} aria-describedby="idea-part-hint" required>
              {current === null ? <option value="">{t("budgetParts.idea.none")}</option> : null}
              {parts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button">
              {t("budgetParts.idea.save")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
