import { Link } from "@remix-run/react";
import { formatDate, formatMoney, vatWords, type VatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MoneySummary, TrackStatus } from "~/modules/aftercare/track";

export type TrackView = {
  status: TrackStatus;
  money: MoneySummary;
  milestones: { id: number; title: string; dueOn: string; done: boolean }[];
  updates: { id: number; text: string; createdAt: number; photo: UpdatePhoto | null }[];
  spending: { id: number; description: string; amountEuros: number; spentOn: string; override: boolean }[];
  dashboard: { municipalityRole: string; helps: string; hinders: string };
  partners: { id: number; name: string; role: string; left: boolean }[];
  canUpdate: boolean;
  /** The round is archived (after nazorg): the initiative goes on, and the page says so. */
  archived: boolean;
};

export type UpdatePhoto = { url: string; small: string; alt: string; width: number; height: number };

/** A news item's photo: the small file for phones, the large one for wide screens. */
export function UpdatePhotoImage({ photo }: { photo: UpdatePhoto }) {
  return (
    <img
      className="update-photo"
      src={photo.small}
      srcSet={`${photo.small} 480w, ${photo.url} 1600w`}
      sizes="(max-width: 40rem) 100vw, 36rem"
      alt={photo.alt}
      width={photo.width}
      height={photo.height}
      loading="lazy"
    />
  );
}

/** A day stored as YYYY-MM-DD, shown as a date at noon in Amsterdam (never off by one). */
export const dayInstant = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** The public realisation track of an idea (nazorg): status, milestones, news, and the money. */
export function RealisationTrack({ view, managePath, vat, moneyPath }: { view: TrackView; managePath: string; vat: VatTerms; moneyPath?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card realisation-track" aria-labelledby="uitvoering-title">
      <h2 id="uitvoering-title">{t("taakgroepen.track.title")}</h2>
      <p>
        {t("taakgroepen.track.status")}: <span className={`badge track-${view.status}`}>{t(`taakgroepen.track.statuses.${view.status}`)}</span>
      </p>
      {view.archived ? <p className="muted">{t("initiative.afterNazorgNote")}</p> : null}
      <InitiativeDashboard dashboard={view.dashboard} partners={view.partners} />
      {view.milestones.length > 0 ? (
        <>
          <h3>{t("taakgroepen.track.milestones")}</h3>
          <ul className="plain-list">
            {view.milestones.map((m) => (
              <li key={m.id}>
                {formatDate(dayInstant(m.dueOn), locale)}: {m.title}
                {m.done ? <span className="muted"> ({t("taakgroepen.track.milestoneDone")})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("taakgroepen.track.updates")}</h3>
      {view.updates.length === 0 ? (
        <p className="muted">{t("taakgroepen.track.noUpdates")}</p>
      ) : (
        <ul className="plain-list track-updates">
          {view.updates.map((u) => (
            <li key={u.id}>
              <span className="muted small">{formatDate(u.createdAt, locale)}</span>
              <p className="idea-text">{u.text}</p>
              {u.photo ? <UpdatePhotoImage photo={u.photo} /> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>
        {t("taakgroepen.track.money")} <span className="muted small">({vatWords(vat, locale)})</span>
      </h3>
      {view.money.grantedEuros === null && view.spending.length === 0 ? (
        <p className="muted">{t("taakgroepen.track.notGranted")}</p>
      ) : (
        <table className="cost-table">
          <caption className="visually-hidden">{t("taakgroepen.track.money")}</caption>
          <tbody>
            <tr>
              <th scope="row">{t("taakgroepen.track.granted")}</th>
              <td>{view.money.grantedEuros !== null ? formatMoney(view.money.grantedEuros, locale) : "—"}</td>
            </tr>
            {view.spending.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.description} <span className="muted small">({formatDate(dayInstant(s.spentOn), locale)})</span>
                </th>
                <td>−{formatMoney(s.amountEuros, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("taakgroepen.track.spent")}</th>
              <td>{formatMoney(view.money.spentEuros, locale)}</td>
            </tr>
            {view.money.leftEuros !== null ? (
              <tr>
                <th scope="row">{t("taakgroepen.track.left")}</th>
                <td>{formatMoney(view.money.leftEuros, locale)}</td>
              </tr>
            ) : null}
          </tfoot>
        </table>
      )}
      {view.money.overspent ? <p className="notice warning small">{t("taakgroepen.track.overspentNote")}</p> : null}
      {moneyPath ? (
        <p>
          <Link to={moneyPath}>{t("initiative.moneyLink")}</Link>
        </p>
      ) : null}
      {view.canUpdate ? (
        <p>
          <Link to={managePath}>{t("taakgroepen.track.manageLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Who takes part and how, what the municipality does, what helps and what hinders (issue 21.5). Empty parts are left out. */
function InitiativeDashboard({ dashboard, partners }: { dashboard: TrackView["dashboard"]; partners: TrackView["partners"] }) {
  const t = useT();
  const texts = (
    [
      ["municipalityRole", "initiative.municipalityRole"],
      ["helps", "initiative.helps"],
      ["hinders", "initiative.hinders"],
    ] as const
  ).filter(([field]) => dashboard[field] !== "");
  if (partners.length === 0 && texts.length === 0) return null;
  return (
    <div className="initiative-dashboard stack">
      {partners.length > 0 ? (
        <>
          <h3>{t("initiative.partners")}</h3>
          <ul className="plain-list">
            {partners.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>: {p.role}
                {p.left ? <span className="muted"> ({t("initiative.partnerLeft")})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {texts.map(([field, label]) => (
        <div key={field}>
          <h3>{t(label)}</h3>
          <p className="idea-text">{dashboard[field]}</p>
        </div>
      ))}
    </div>
  );
}
