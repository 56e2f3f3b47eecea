import { Form, Link } from "@remix-run/react";
import type { TrackStatus } from "~/modules/aftercare/track";
import type { TaakgroepStatus } from "~/modules/taakgroepen/record";
import { taakgroepNow } from "./idea-now";
import { useCountText, useT } from "~/lib/i18n/react";

export function useStatusLabel() {
  const t = useT();
  const count = useCountText();
  return (status: TaakgroepStatus): string => {
    switch (status.kind) {
      case "zoekt":
        return count(status.missing, { one: "taakgroepen.statusZoektOne", other: "taakgroepen.statusZoekt" }, { n: status.missing });
      case "gevormd":
        return t("taakgroepen.statusGevormd");
      case "actief":
        return t("taakgroepen.statusActief");
      case "afgerond":
        return t("taakgroepen.statusAfgerond");
      case "gestopt":
        return t("taakgroepen.statusGestopt");
    }
  };
}

export function TaakgroepBadge({ status }: { status: TaakgroepStatus }) {
  const label = useStatusLabel();
  return <span className={`badge taakgroep-status taakgroep-${status.kind}`}>{label(status)}</span>;
}

type SectionMember = { name: string; contact: string; skills: string | null; tags: readonly string[]; timeAvailable: string | null };

export type TaakgroepSectionView = {
  status: TaakgroepStatus;
  open: boolean;
  minimum: number;
  loggedIn: boolean;
  own: SectionMember | null;
  members: SectionMember[] | null;
};

/** The taakgroep card on an idea page: status, join or withdraw, and for makers and organisers who is in. */
export function TaakgroepSection({ view, joinPath, track }: { view: TaakgroepSectionView; joinPath: string; track: TrackStatus | null }) {
  const t = useT();
  const now = taakgroepNow({ status: view.status, open: view.open, track });
  const tagLabel = (tag: string) => (tag in tagKeys ? t(tagKeys[tag as keyof typeof tagKeys]) : tag);
  const hidden = view.members ? view.status.members - view.members.length : 0;
  return (
    <section className="card taakgroep" aria-labelledby="taakgroep-title">
      <h2 id="taakgroep-title">{t("taakgroepen.sectionTitle")}</h2>
      {now.status ? (
        <p>
          <TaakgroepBadge status={now.status} />
        </p>
      ) : null}
      {now.lead === "realised" || now.lead === "stopped" ? <p>{t(now.lead === "realised" ? "taakgroepen.leadRealised" : "taakgroepen.leadStopped")}</p> : null}
      <p className="small">{t("taakgroepen.memberCount", { n: view.status.members })}</p>
      {view.own ? (
        <>
          <p>{t("taakgroepen.youAreIn")}</p>
          {now.open ? (
            <>
              <p>
                <Link to={joinPath}>{t("taakgroepen.changeSignup")}</Link>
              </p>
              <Form method="post" action={joinPath}>
                <input type="hidden" name="intent" value="withdraw" />
                <button type="submit" className="button">
                  {t("taakgroepen.withdrawButton")}
                </button>
              </Form>
            </>
          ) : null}
        </>
      ) : now.open ? (
        <>
          <p>{now.lead === "moreWelcome" ? t("taakgroepen.leadMoreWelcome") : t("taakgroepen.lead", { minimum: view.minimum })}</p>
          <p>
            <Link to={joinPath} className="button primary">
              {t("taakgroepen.joinButton")}
            </Link>
          </p>
          {!view.loggedIn ? <p className="muted small">{t("taakgroepen.loginToJoin")}</p> : null}
        </>
      ) : null}
      {view.members ? (
        <div className="taakgroep-members">
          <h3>{t("taakgroepen.membersTitle")}</h3>
          <p className="muted small">{t("taakgroepen.membersLead")}</p>
          {view.members.length === 0 ? (
            <p>{t("taakgroepen.noMembersVisible")}</p>
          ) : (
            <ul className="plain-list">
              {view.members.map((m, i) => (
                <li key={i}>
                  <strong>{m.name}</strong> · {m.contact}
                  {m.tags.length > 0 ? <span className="muted"> · {m.tags.map(tagLabel).join(", ")}</span> : null}
                  {m.skills ? <span className="taakgroep-skills">{m.skills}</span> : null}
                  {m.timeAvailable ? <span className="muted small taakgroep-time">{m.timeAvailable}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {hidden > 0 ? <p className="muted small">{t("taakgroepen.hiddenMembers", { n: hidden })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}

export const tagKeys = {
  organiseren: "taakgroepen.tagOptions.organiseren",
  "praktisch-werk": "taakgroepen.tagOptions.praktisch-werk",
  geld: "taakgroepen.tagOptions.geld",
  communicatie: "taakgroepen.tagOptions.communicatie",
  contacten: "taakgroepen.tagOptions.contacten",
} as const;
