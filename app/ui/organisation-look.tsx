import { useMatches } from "@remix-run/react";
import type { CSSProperties } from "react";
import { useT } from "~/lib/i18n/react";
import { accentProperties, type RoundLook } from "~/modules/auth/organisation-look";

// An organisation's look on its round's pages (ADR 025). A round page's loader returns `roundLook`;
// the root layout finds it and gives <main> the accent as CSS custom properties (the CSP allows inline
// styles) and the organisation's band with its logo. Pages without it keep the Wijkvonk look.

/** The accent as custom properties for a style attribute; nothing when the organisation keeps Wijkvonk's colour. */
export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  return (accentProperties(accent ?? null) as CSSProperties | null) ?? undefined;
}

/** The look of the round this page belongs to, if any route on the page gave one. */
export function useRoundLook(): RoundLook | null {
  for (const match of useMatches()) {
    const data = match.data as { roundLook?: RoundLook } | null | undefined;
    if (data && typeof data === "object" && data.roundLook) return data.roundLook;
  }
  return null;
}

/** "Een ronde van [logo] Wijkteam Noord": who runs this round, above its pages. */
export function OrganisationBand({ look }: { look: RoundLook }) {
  const t = useT();
  return (
    <div className="organisation-band">
      <p className="organisation-band-inner">
        <span className="organisation-band-lead">{t("look.roundBy")}</span>
        {look.logo ? <img className="organisation-logo" src={look.logo.src} alt={look.logo.alt} /> : null}
        {/* With a logo its alt text says the name once to a screen reader; the name shows beside it too,
            since a small logo is hard to read. */}
        <span className="organisation-band-name" aria-hidden={look.logo ? true : undefined}>
          {look.organisationName}
        </span>
      </p>
    </div>
  );
}

/** The logo for a letter, poster or ceremony; the organisation's name is its text alternative. */
export function OrganisationLogo({ look, className }: { look: RoundLook; className?: string }) {
  return look.logo ? <img className={className ?? "organisation-logo"} src={look.logo.src} alt={look.logo.alt} /> : null;
}
