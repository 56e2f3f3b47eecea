import { useEffect, useReducer, useRef, useState, type CSSProperties, type MouseEvent, type ReactNode } from "react";
import { formatAmount, type VatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { ceremonyActionForKey, ceremonyReducer, startCeremony, type CeremonyAction, type CeremonySlide, type RevealItem } from "~/modules/results/ceremony";
import { formatNumber } from "~/lib/i18n/numbers";
import { accentProperties, ceremonyProperties, type RoundLook } from "~/modules/auth/organisation-look";

export interface CeremonyIdea {
  readonly title: string;
}

/**
 * The prize ceremony on the big screen: one slide at a time in very large type, covering the whole
 * window (and the whole screen after "Volledig scherm"). Driven by ~/modules/results/ceremony:
 * space or arrow right goes on, arrow left goes back; the buttons do the same and, without
 * JavaScript, are links to ?stap=N. Movement only when the viewer has not asked for reduced motion
 * (~/ui/results.css).
 */
export function CeremonyView({
  contestTitle,
  slides,
  ideas,
  initialIndex,
  hrefFor,
  exitHref,
  finaleAction,
  vat,
  look,
}: {
  contestTitle: string;
  /** The organisation's logo and colour (ADR 025); without one the big screen keeps Wijkvonk's navy. */
  look?: RoundLook;
  /** Whether the round's amounts include VAT. */
  vat: VatTerms;
  slides: readonly CeremonySlide[];
  ideas: Readonly<Record<number, CeremonyIdea>>;
  initialIndex: number;
  /** The URL of a slide (for the links that work without JavaScript, and to keep the address in step). */
  hrefFor: (index: number) => string;
  exitHref: string;
  /** Shown on the last slide, e.g. the organiser's "make the results public" button. */
  finaleAction?: ReactNode;
}) {
  const t = useT();
  const [state, dispatch] = useReducer(ceremonyReducer, startCeremony(Math.max(slides.length, 1), initialIndex));
  const rootRef = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState<"unsupported" | "off" | "on">("unsupported");
  // Set once the keyboard works (after hydration); tests wait for it, like the sticker ballot's data-enhanced.
  const [enhanced, setEnhanced] = useState(false);

  useEffect(() => {
    rootRef.current?.focus();
    setEnhanced(true);
    if (document.fullscreenEnabled) setFullscreen(document.fullscreenElement ? "on" : "off");
    const onChange = () => setFullscreen(document.fullscreenElement ? "on" : "off");
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const onControl = target?.closest("a, button, input, select, textarea, summary, [contenteditable]") != null;
      const action = ceremonyActionForKey(event.key, { onControl, modified: event.ctrlKey || event.altKey || event.metaKey });
      if (!action) return;
      event.preventDefault();
      dispatch(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    // Keep ?stap= in the address bar, so a reload (or a crash of the laptop) comes back to this slide.
    const target = hrefFor(state.index);
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(window.history.state, "", target);
  }, [state.index, hrefFor]);

  const go = (action: CeremonyAction) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    dispatch(action);
  };
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen();
  };

  const slide = slides[state.index];
  const isFirst = state.index === 0;
  const isLast = state.index >= slides.length - 1;
  return (
    <div
      className="ceremony"
      ref={rootRef}
      tabIndex={-1}
      role="region"
      aria-labelledby="ceremony-contest"
      data-enhanced={enhanced || undefined}
      style={{ ...accentProperties(look?.accent ?? null), ...ceremonyProperties(look?.accent ?? null) } as CSSProperties}
    >
      <div className="ceremony-head">
        {look?.logo ? <img className="ceremony-logo" src={look.logo.src} alt={look.logo.alt} /> : null}
        <h1 className="ceremony-contest" id="ceremony-contest">
          {contestTitle}
        </h1>
      </div>
      <div className="ceremony-stage" aria-live="polite" aria-atomic="true">
        {slide ? <Slide key={state.index} slide={slide} ideas={ideas} finaleAction={finaleAction} vat={vat} /> : null}
      </div>
      <nav className="ceremony-controls" aria-label={t("results.ceremony.controls")}>
        {isFirst ? (
          <span className="ceremony-button is-disabled" aria-hidden="true">
            ← {t("results.ceremony.back")}
          </span>
        ) : (
          <a className="ceremony-button" href={hrefFor(state.index - 1)} onClick={go({ type: "back" })} rel="prev">
            <span aria-hidden="true">← </span>
            {t("results.ceremony.back")}
          </a>
        )}
        <span className="ceremony-step">{t("results.ceremony.stepOf", { step: state.index + 1, total: slides.length })}</span>
        {isLast ? (
          <span className="ceremony-button is-disabled" aria-hidden="true">
            {t("results.ceremony.next")} →
          </span>
        ) : (
          <a className="ceremony-button is-next" href={hrefFor(state.index + 1)} onClick={go({ type: "next" })} rel="next">
            {t("results.ceremony.next")}
            <span aria-hidden="true"> →</span>
          </a>
        )}
        <span className="ceremony-extra">
          {fullscreen !== "unsupported" ? (
            <button type="button" className="ceremony-link" onClick={toggleFullscreen}>
              {fullscreen === "on" ? t("results.ceremony.exitFullscreen") : t("results.ceremony.fullscreen")}
            </button>
          ) : null}
          <a className="ceremony-link" href={exitHref}>
            {t("results.ceremony.close")}
          </a>
        </span>
        <span className="ceremony-hint">{t("results.ceremony.keysHint")}</span>
      </nav>
    </div>
  );
}

function Slide({
  slide,
  ideas,
  finaleAction,
  vat,
}: {
  slide: CeremonySlide;
  ideas: Readonly<Record<number, CeremonyIdea>>;
  finaleAction?: ReactNode;
  vat: VatTerms;
}) {
  const t = useT();
  const locale = useLocale();
  const number = (n: number) => formatNumber(n, locale);
  const count = useCountText();
  const titleOf = (ideaId: number) => ideas[ideaId]?.title ?? `#${ideaId}`;
  switch (slide.kind) {
    case "welcome":
      return (
        <section className="ceremony-slide is-welcome">
          <h2 className="ceremony-huge">{t("results.ceremony.welcome")}</h2>
        </section>
      );
    case "turnout":
      return (
        <section className="ceremony-slide is-turnout">
          <p className="ceremony-kicker">{t("results.ceremony.turnoutLead")}</p>
          <p className="ceremony-number">
            {count(slide.voters, { one: "results.ceremony.turnoutOne", other: "results.ceremony.turnoutMany" }, { count: number(slide.voters) })}
          </p>
        </section>
      );
    case "announce":
      return (
        <section className="ceremony-slide is-announce">
          <Stake item={slide.item} vat={vat} />
          <p className="ceremony-goes-to">{t("results.ceremony.goesTo")}</p>
        </section>
      );
    case "reveal":
      return (
        <section className="ceremony-slide is-reveal">
          <Stake item={slide.item} small vat={vat} />
          <h2 className="ceremony-winner">{titleOf(slide.item.ideaId)}</h2>
          <p className="ceremony-detail">
            {count(
              slide.item.stickers,
              { one: "results.ceremony.stickersOne", other: "results.ceremony.stickersMany" },
              { count: number(slide.item.stickers) },
            )}
            {slide.item.prize === null ? ` · ${t("results.ceremony.fundedAmount", { amount: formatAmount(slide.item.amount, locale, vat) })}` : null}
          </p>
        </section>
      );
    case "finale":
      return (
        <section className="ceremony-slide is-finale">
          <h2 className="ceremony-huge">{t("results.ceremony.finale")}</h2>
          {slide.winners.length > 0 ? (
            <ol className="ceremony-winners">
              {slide.winners.map((id) => (
                <li key={id}>{titleOf(id)}</li>
              ))}
            </ol>
          ) : (
            <p className="ceremony-kicker">{t("results.ceremony.noWinners")}</p>
          )}
          <p className="ceremony-thanks">{t("results.ceremony.finaleLead")}</p>
          {finaleAction ? <div className="ceremony-finale-action">{finaleAction}</div> : null}
        </section>
      );
  }
}

function Stake({ item, small = false, vat }: { item: RevealItem; small?: boolean; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  const text = item.prize
    ? t("results.ceremony.announcePrize", { prize: item.prize.name })
    : item.partial
      ? t("results.ceremony.announcePartial")
      : t("results.ceremony.announceFunded", { place: item.place, total: item.of });
  return (
    <div className={small ? "ceremony-stake is-small" : "ceremony-stake"}>
      <p className="ceremony-prize">{text}</p>
      {item.prize ? <p className="ceremony-amount">{formatAmount(item.prize.amountEuros, locale, vat)}</p> : null}
    </div>
  );
}
