import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { formatAmount, type VatTerms } from "~/lib/format";
import type { MessageKey } from "~/lib/i18n";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import {
  moveSticker,
  placeSticker,
  removeSticker,
  stickerCounts,
  stickersLeft,
  tickIkDoeMee,
  type Ballot,
  type BallotProblem,
  type BallotRules,
} from "~/modules/voting/ballot";
import { STICKERS_ON_IDEA } from "./counts";
import { IdeaPlaceholder } from "./idea-card";
import { keptBallotFrom, keptBallotText } from "~/modules/voting/ballot-in-progress";

// The sticker ballot (issue 6): every idea on the ballot as a poster card on which the resident
// sticks stickers. It is a plain HTML form with the field names of app/modules/voting/ballot-form.ts
// (`sticker`, `count.<ideaId>`, `ikDoeMee`), so it works fully without JavaScript: a checkbox per
// poster, or a number field when the contest allows stacking. With JavaScript the same form gets a
// live "nog 1 sticker", a sticker that lands on the card (a short animation, none with
// prefers-reduced-motion), refusal of a sticker too many before posting, and moving a sticker.
// The pure rules of ballot.ts decide every change, in the browser as on the server.

export type BallotIdea = {
  id: number;
  title: string;
  summary: string;
  costEuros: number | null;
  href: string;
  photo: { url: string; altText: string } | null;
};

export type BallotMessage = { key: MessageKey; params?: Record<string, string | number> };

type StickerBallotProps = {
  ideas: readonly BallotIdea[];
  /** A budget in parts (ADR 026): the ideas grouped per part, each under its name and money. */
  parts?: readonly { name: string; budget: number; ideaIds: readonly number[] }[] | null;
  rules: BallotRules;
  /** Whether the ideas' costs include VAT (the round's setting). */
  vat: VatTerms;
  /** The stored ballot, or what was posted when the server refused it. */
  initial: Ballot;
  /** The server's reasons for refusing the last post. */
  problems?: readonly BallotMessage[];
  /** Above those reasons; by default "Je stem is nog niet opgeslagen". */
  problemsTitle?: string;
  action?: string;
  confirmLabel: string;
  /** Under the confirm button: until when stickers can move, or that a code vote is final. */
  note: string;
  /** Keeps unposted changes in this tab under this key (keptBallotKey), so a look at an idea loses nothing. */
  keepAs?: string;
  /** Extra fields (a voting code) that travel with the ballot. */
  hidden?: Readonly<Record<string, string>>;
  /** Fields shown above the posters (the age question). */
  before?: ReactNode;
  /** Fields shown after the posters, before the confirm button (a code voter's name for "ik doe mee"). */
  after?: ReactNode;
  submitting?: boolean;
};

/** "Nog 2 stickers", "Nog 1 sticker", "Je stickers zijn op". */
export function useStickersLeftText() {
  const t = useT();
  const count = useCountText();
  return (n: number) => (n === 0 ? t("voting.leftNone") : count(n, { one: "voting.leftOne", other: "voting.left" }, { n }));
}

function problemText(t: ReturnType<typeof useT>, problem: BallotProblem, titleOf: (id: number) => string): string {
  switch (problem.code) {
    case "too-many-stickers":
      return t("voting.fullHint");
    case "stacking-not-allowed":
      return t("voting.stackingNotAllowed");
    case "ik-doe-mee-without-sticker":
      return t("voting.ikDoeMeeWithoutSticker");
    case "no-sticker-on-idea":
      return `${t("voting.noStickerOnIdea")} (${titleOf(problem.ideaId)})`;
    case "unknown-idea":
      return t("voting.unknownIdea");
    case "empty":
      return t("voting.empty");
  }
}

export function StickerBallot(props: StickerBallotProps) {
  const { ideas, rules, initial, problems = [], problemsTitle, action, confirmLabel, note, hidden = {}, before, after, submitting = false, keepAs } = props;
  const t = useT();
  const locale = useLocale();
  const count = useCountText();
  const leftText = useStickersLeftText();
  const [ballot, setBallot] = useState<Ballot>(initial);
  const [moving, setMoving] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // Each new sticker gets a fresh key, so its landing animation plays again.
  const [landed, setLanded] = useState<{ ideaId: number; seq: number } | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => setHydrated(true), []);
  const restored = useKeptBallot({
    keepAs,
    ballot,
    initial,
    rules,
    ideaIds: ideas.map((i) => i.id),
    refused: problems.length > 0,
    hydrated,
    restore: setBallot,
  });
  useEffect(() => {
    if (focusAfter.current) document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const card = (idea: BallotIdea) => (
    <PosterCard
      key={idea.id}
      idea={idea}
      rules={rules}
      vat={props.vat}
      count={counts.get(idea.id) ?? 0}
      ticked={ticked.has(idea.id)}
      full={left === 0}
      hydrated={hydrated}
      moving={moving}
      landedSeq={landed?.ideaId === idea.id ? landed.seq : 0}
      onToggle={(checked) => (checked ? place(idea.id) : remove(idea.id))}
      onCount={(n) => setCount(idea.id, n)}
      onTick={(checked) => {
        const result = tickIkDoeMee(ballot, idea.id, checked);
        if (result.ok) setBallot(result.ballot);
        else setAnnouncement(problemText(t, result.problem, titleOf));
      }}
      onStartMove={() => startMove(idea.id)}
      onCancelMove={() => {
        setMoving(null);
        setAnnouncement("");
      }}
      onMoveHere={() => finishMove(idea.id)}
    />
  );
  const ideaIds = ideas.map((i) => i.id);
  const titleOf = (id: number) => ideas.find((i) => i.id === id)?.title ?? String(id);
  const counts = stickerCounts(ballot);
  const left = stickersLeft(ballot, rules);
  const ticked = new Set(ballot.ikDoeMee ?? []);

  function land(ideaId: number) {
    setLanded((previous) => ({ ideaId, seq: (previous?.seq ?? 0) + 1 }));
  }

  function place(ideaId: number) {
    const result = placeSticker(ballot, ideaId, rules, ideaIds);
    if (!result.ok) {
      setAnnouncement(problemText(t, result.problem, titleOf));
      return;
    }
    setBallot(result.ballot);
    land(ideaId);
    setAnnouncement(t("voting.placed", { title: titleOf(ideaId), left: leftText(stickersLeft(result.ballot, rules)) }));
  }

  function remove(ideaId: number) {
    const next = removeSticker(ballot, ideaId);
    setBallot(next);
    setAnnouncement(t("voting.removed", { title: titleOf(ideaId), left: leftText(stickersLeft(next, rules)) }));
  }

  function setCount(ideaId: number, wanted: number) {
    const current = counts.get(ideaId) ?? 0;
    let next = ballot;
    for (let n = current; n > wanted; n--) next = removeSticker(next, ideaId);
    for (let n = current; n < wanted; n++) {
      const result = placeSticker(next, ideaId, rules, ideaIds);
      if (!result.ok) {
        setAnnouncement(problemText(t, result.problem, titleOf));
        break;
      }
      next = result.ballot;
    }
    setBallot(next);
    if (wanted > current && (stickerCounts(next).get(ideaId) ?? 0) > current) land(ideaId);
  }

  function finishMove(toIdeaId: number) {
    if (moving === null) return;
    const result = moveSticker(ballot, moving, toIdeaId, rules, ideaIds);
    setMoving(null);
    if (!result.ok) {
      setAnnouncement(problemText(t, result.problem, titleOf));
      return;
    }
    setBallot(result.ballot);
    land(toIdeaId);
    focusAfter.current = rules.allowStacking ? `count-${toIdeaId}` : `sticker-${toIdeaId}`;
    setAnnouncement(t("voting.moved", { from: titleOf(moving), to: titleOf(toIdeaId) }));
  }

  function startMove(ideaId: number) {
    setMoving(ideaId);
    setAnnouncement(t("voting.moving", { title: titleOf(ideaId) }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && moving !== null) {
      focusAfter.current = `move-${moving}`;
      setMoving(null);
      setAnnouncement("");
    }
  }

  const chosen = [...counts].map(([id, n]) => ({ id, n, title: titleOf(id) }));

  return (
    <Form
      method="post"
      action={action}
      className="sticker-ballot"
      onKeyDown={onKeyDown}
      onSubmit={() => forgetKeptBallot(keepAs)}
      data-enhanced={hydrated || undefined}
      data-moving={moving ?? undefined}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {problems.length > 0 ? (
        <div className="form-error ballot-problems" role="alert">
          <p className="ballot-problems-title">{problemsTitle ?? t("voting.problemsTitle")}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {restored ? (
        <p className="notice" role="status">
          {t("voting.keptInTab")}
        </p>
      ) : null}
      {before}
      <p className="ballot-rule">{rules.allowStacking ? t("voting.ruleStacking") : t("voting.ruleOnePerIdea")}</p>
      <p className="field-hint" id="ik-doe-mee-hint">
        {t("voting.ikDoeMeeHint")}
      </p>

      {props.parts ? (
        props.parts.map((part, i) => (
          <section key={part.name || i} className="ballot-part" aria-labelledby={part.name ? `deel-${i}` : undefined}>
            {part.name ? (
              <h2 id={`deel-${i}`} className="ballot-part-heading">
                {t("budgetParts.ballot.partHeading", { name: part.name, budget: formatAmount(part.budget, locale, props.vat) })}
              </h2>
            ) : null}
            <ul className="poster-wall">{ideas.filter((idea) => part.ideaIds.includes(idea.id)).map(card)}</ul>
          </section>
        ))
      ) : (
        <ul className="poster-wall">{ideas.map(card)}</ul>
      )}
      {ideas.length === 0 ? <p className="notice warning">{t("voting.noIdeas")}</p> : null}

      {after}
      <p className="field-hint ballot-note" id="ballot-note">
        {note}
      </p>

      <div className="ballot-bar">
        <div className="ballot-bar-inner">
          <div className="sticker-sheet" aria-hidden="true">
            {Array.from({ length: rules.stickersPerVoter }, (_, i) => (
              <span key={i} className={`sheet-sticker${i < rules.stickersPerVoter - left ? " is-used" : ""}`} />
            ))}
          </div>
          <p className="sticker-counter" id="stickers-left">
            {leftText(left)}
          </p>
          {hydrated ? (
            <div className="ballot-summary">
              <p className="ballot-summary-title">{t("voting.chosenTitle")}:</p>
              {chosen.length > 0 ? (
                <ul>
                  {chosen.map((c) => (
                    <li key={c.id}>
                      {c.title}
                      {rules.allowStacking ? ` (${count(c.n, STICKERS_ON_IDEA, { n: c.n })})` : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("voting.chosenNone")}</p>
              )}
            </div>
          ) : null}
          <button type="submit" className="button primary ballot-confirm" disabled={submitting} aria-describedby="ballot-note">
            {confirmLabel}
          </button>
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </Form>
  );
}

type PosterCardProps = {
  idea: BallotIdea;
  rules: BallotRules;
  vat: VatTerms;
  count: number;
  ticked: boolean;
  full: boolean;
  hydrated: boolean;
  moving: number | null;
  landedSeq: number;
  onToggle: (checked: boolean) => void;
  onCount: (n: number) => void;
  onTick: (checked: boolean) => void;
  onStartMove: () => void;
  onCancelMove: () => void;
  onMoveHere: () => void;
};

function PosterCard(props: PosterCardProps) {
  const { idea, rules, count, ticked, full, hydrated, moving, landedSeq } = props;
  const t = useT();
  const locale = useLocale();
  const id = idea.id;
  const stuck = count > 0;
  const isSource = moving === id;
  // A move can go to any other idea; without stacking, not to one that already has a sticker.
  const canReceive = moving !== null && !isSource && (rules.allowStacking || !stuck);
  const titleId = `idea-${id}-title`;
  const stickers = rules.allowStacking ? Array.from({ length: count }, (_, i) => i) : [0];

  return (
    <li className={`poster${stuck ? " is-stuck" : ""}${isSource ? " is-move-source" : ""}${canReceive ? " is-move-target" : ""}`}>
      <div className="poster-photo">
        {idea.photo ? (
          <img src={idea.photo.url} alt={idea.photo.altText} width={480} height={320} loading="lazy" />
        ) : (
          <IdeaPlaceholder id={idea.id} title={idea.title} className="poster-placeholder" />
        )}
        {/* The sticker on the poster. Without stacking CSS shows it when the box is ticked, so it also appears without JavaScript. */}
        <span className="poster-stickers" aria-hidden="true">
          {stickers.map((i) => (
            <span
              key={i === stickers.length - 1 ? `${i}-${landedSeq}` : i}
              className={`poster-sticker${i === stickers.length - 1 && landedSeq > 0 ? " is-landing" : ""}`}
              style={{ ["--i" as string]: i }}
            >
              <svg viewBox="0 0 32 32" width="22" height="22" focusable="false">
                <path d="M17.5 5 9 18h6l-1.5 9L23 13h-6.2z" fill="currentColor" />
              </svg>
            </span>
          ))}
        </span>
      </div>
      <div className="poster-body">
        <h3 className="poster-title" id={titleId}>
          {idea.title}
        </h3>
        {idea.summary ? <p className="poster-summary">{idea.summary}</p> : null}
        {idea.costEuros !== null ? (
          <p className="poster-cost">
            {t("voting.cost")}: <span className="nowrap">{formatAmount(idea.costEuros, locale, props.vat)}</span>
          </p>
        ) : null}
        <p className="poster-more">
          <a href={idea.href}>
            <span aria-hidden="true">{t("voting.readMoreShort")}</span>
            <span className="visually-hidden">{t("voting.readMore", { title: idea.title })}</span>
          </a>
        </p>
      </div>
      <div className="poster-actions">
        {rules.allowStacking ? (
          <div className="sticker-stepper">
            <label htmlFor={`count-${id}`}>
              <span aria-hidden="true">{t("voting.stickerCount")}</span>
              <span className="visually-hidden">{t("voting.stickerCountName", { title: idea.title })}</span>
            </label>
            <div className="stepper-row">
              {hydrated ? (
                <button
                  type="button"
                  className="stepper-button"
                  aria-label={t("voting.removeOne", { title: idea.title })}
                  disabled={count === 0}
                  onClick={() => props.onCount(count - 1)}
                >
                  −
                </button>
              ) : null}
              <input
                type="number"
                id={`count-${id}`}
                name={`count.${id}`}
                min={0}
                max={rules.stickersPerVoter}
                inputMode="numeric"
                value={count}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isSafeInteger(n) && n >= 0) props.onCount(n);
                }}
              />
              {hydrated ? (
                <button
                  type="button"
                  className="stepper-button"
                  aria-label={t("voting.addOne", { title: idea.title })}
                  aria-disabled={full || undefined}
                  onClick={() => props.onCount(count + 1)}
                >
                  +
                </button>
              ) : null}
            </div>
          </div>
        ) : (
          <div className="sticker-choice">
            <input
              type="checkbox"
              className="sticker-toggle"
              id={`sticker-${id}`}
              name="sticker"
              value={id}
              checked={stuck}
              onChange={(e) => props.onToggle(e.target.checked)}
              aria-describedby="stickers-left"
            />
            <label htmlFor={`sticker-${id}`}>
              <span aria-hidden="true">{t("voting.stickerOn")}</span>
              <span className="visually-hidden">{t("voting.stickerOnName", { title: idea.title })}</span>
            </label>
          </div>
        )}
        {hydrated && stuck && (moving === null || isSource) ? (
          <button
            type="button"
            id={`move-${id}`}
            className="link-button poster-move"
            onClick={isSource ? props.onCancelMove : props.onStartMove}
            aria-pressed={isSource}
          >
            {isSource ? (
              t("voting.moveCancel")
            ) : (
              <>
                <span aria-hidden="true">{t("voting.move")}</span>
                <span className="visually-hidden">{t("voting.moveName", { title: idea.title })}</span>
              </>
            )}
          </button>
        ) : null}
        {canReceive ? (
          <button type="button" className="button poster-move-here" onClick={props.onMoveHere}>
            <span aria-hidden="true">{t("voting.moveHere")}</span>
            <span className="visually-hidden">{t("voting.moveHereName", { title: idea.title })}</span>
          </button>
        ) : null}
        {/* "Ik doe mee" sits beside the sticker; with JavaScript it appears once the sticker is on. */}
        <div className="ik-doe-mee" hidden={hydrated && !stuck}>
          <input
            type="checkbox"
            id={`ik-doe-mee-${id}`}
            name="ikDoeMee"
            value={id}
            checked={ticked}
            onChange={(e) => props.onTick(e.target.checked)}
            aria-describedby="ik-doe-mee-hint"
          />
          <label htmlFor={`ik-doe-mee-${id}`}>
            <span aria-hidden="true">{t("voting.ikDoeMee")}</span>
            <span className="visually-hidden">{t("voting.ikDoeMeeName", { title: idea.title })}</span>
          </label>
        </div>
      </div>
    </li>
  );
}

function forgetKeptBallot(keepAs: string | undefined): void {
  if (!keepAs) return;
  try {
    sessionStorage.removeItem(keepAs);
  } catch {
    // Storage switched off (a private window): nothing was kept.
  }
}

/**
 * Brings back, once on arrival, the changes this tab made and did not post (ballot-in-progress.ts), and
 * keeps every later change until it is posted. True when something came back, to say so.
 */
function useKeptBallot(input: {
  keepAs: string | undefined;
  ballot: Ballot;
  initial: Ballot;
  rules: BallotRules;
  ideaIds: readonly number[];
  refused: boolean;
  hydrated: boolean;
  restore: (ballot: Ballot) => void;
}): boolean {
  const { keepAs, ballot, initial, hydrated } = input;
  const [restored, setRestored] = useState(false);
  const arrival = useRef(input);
  useEffect(() => {
    const { keepAs: key, initial: first, rules, ideaIds, refused, restore } = arrival.current;
    // After a refusal the page shows what was posted: that is newer than anything kept.
    if (!key || refused) return;
    try {
      const kept = keptBallotFrom(sessionStorage.getItem(key), first, rules, ideaIds);
      if (kept) {
        restore(kept);
        setRestored(true);
      }
    } catch {
      // Storage switched off: nothing to bring back.
    }
  }, []);
  useEffect(() => {
    if (!keepAs || !hydrated) return;
    try {
      if (keptBallotText(ballot) === keptBallotText(initial)) sessionStorage.removeItem(keepAs);
      else sessionStorage.setItem(keepAs, keptBallotText(ballot));
    } catch {
      // Storage full or switched off: the ballot still works, it is only not kept.
    }
  }, [keepAs, hydrated, ballot, initial]);
  return restored;
}
