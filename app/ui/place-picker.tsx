import type { FieldMetadata } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { useEffect, useState, type MouseEvent } from "react";
import { useT } from "~/lib/i18n/react";
import type { LookupNotice } from "~/lib/geo/address";
import type { MapConfig } from "~/lib/geo/map-config";
import { roundCoordinate, type LatLng } from "~/lib/geo/tiles";
import { formatPoint, parsePoint } from "~/modules/ideas/rules";
import { TextField } from "~/ui/form";
import { SlippyMap, type View } from "~/ui/map";

// Where an idea is: an address (looked up by our server, also without JavaScript), a click on the map,
// or the point typed as numbers. The text fields are the form; the map and the look-up only fill in
// the point field, so whatever the browser can do, the same two fields are posted.

export type PlaceSettings = { lookupUrl: string; map: MapConfig; start: View };

type Match = { label: string; point: LatLng; outsideArea: boolean };
type Answer = { kind: "found"; addresses: Match[] } | { kind: Exclude<LookupNotice["kind"], "found"> };

const CLOSE_ZOOM = 17;

/** Sets a field as typing would, so that conform sees the change and checks the field again. */
function setFieldValue(id: string, value: string) {
  const input = document.getElementById(id);
  if (!(input instanceof HTMLInputElement)) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

export function PlacePicker({
  locationField,
  pointField,
  place,
}: {
  locationField: FieldMetadata<string | undefined>;
  pointField: FieldMetadata<string | undefined>;
  place: PlaceSettings;
}) {
  const t = useT();
  const actionData = useActionData() as { lookup?: LookupNotice } | undefined;
  const initial = parsePoint(String(pointField.initialValue ?? ""));
  const [point, setPoint] = useState<LatLng | null>(initial);
  const [view, setView] = useState<View>(initial ? { center: initial, zoom: CLOSE_ZOOM } : place.start);
  const [notice, setNotice] = useState<LookupNotice | null>(actionData?.lookup ?? null);
  const [others, setOthers] = useState<Match[]>([]);
  const [busy, setBusy] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // After a look-up without JavaScript (or a post that failed), the page comes back with the answer.
  useEffect(() => {
    setNotice(actionData?.lookup ?? null);
    const posted = parsePoint(String(pointField.initialValue ?? ""));
    setPoint(posted);
    if (posted) setView({ center: posted, zoom: CLOSE_ZOOM });
  }, [actionData, pointField.initialValue]);

  // Typing the numbers moves the map along.
  useEffect(() => {
    const input = document.getElementById(pointField.id);
    if (!input) return;
    const onInput = () => {
      const typed = parsePoint((input as HTMLInputElement).value);
      setPoint(typed);
      if (typed) setView((v) => ({ center: typed, zoom: Math.max(v.zoom, 15) }));
    };
    input.addEventListener("input", onInput);
    return () => input.removeEventListener("input", onInput);
  }, [pointField.id]);

  function choosePoint(p: LatLng | null) {
    setFieldValue(pointField.id, p ? formatPoint(roundCoordinate(p.latitude), roundCoordinate(p.longitude)) : "");
  }

  function chooseMatch(match: Match) {
    choosePoint(match.point);
    setView({ center: match.point, zoom: CLOSE_ZOOM });
    setNotice({ kind: "found", label: match.label, outsideArea: match.outsideArea });
  }

  async function lookUp(event: MouseEvent<HTMLButtonElement>) {
    // With JavaScript the form stays as it is; without it, this button posts the form (intent=lookup).
    event.preventDefault();
    const input = document.getElementById(locationField.id) as HTMLInputElement | null;
    setBusy(true);
    setOthers([]);
    try {
      const response = await fetch(`${place.lookupUrl}?q=${encodeURIComponent(input?.value ?? "")}`, { headers: { accept: "application/json" } });
      const answer = (await response.json()) as Answer;
      if (answer.kind === "found") {
        chooseMatch(answer.addresses[0]!);
        setOthers(answer.addresses.slice(1));
      } else setNotice({ kind: answer.kind });
    } catch {
      setNotice({ kind: "unavailable" });
    } finally {
      setBusy(false);
    }
  }

  const hintId = `${pointField.id}-map-hint`;
  return (
    <>
      <TextField field={locationField} label={t("ideas.locationField")} hint={t("ideas.locationHint")} autoComplete="street-address" />
      <div className="place-lookup">
        <button type="submit" name="intent" value="lookup" formNoValidate className="button" onClick={lookUp} disabled={busy}>
          {busy ? t("geo.lookupBusy") : t("geo.lookupButton")}
        </button>
        <div aria-live="polite" className="place-notice">
          {notice?.kind === "found" && notice.label ? (
            <p className={notice.outsideArea ? "notice warning" : "notice"}>
              {t("geo.found", { label: notice.label })} {notice.outsideArea ? t("geo.foundOutside") : null} {t("geo.foundSaveNote")}
            </p>
          ) : null}
          {notice && notice.kind !== "found" && hydrated && !actionData?.lookup ? <p className="notice warning">{t(`geo.${noticeKey(notice.kind)}`)}</p> : null}
        </div>
        {others.length > 0 ? (
          <div className="place-others">
            <p className="small">{t("geo.otherMatches")}</p>
            <ul className="plain-list">
              {others.map((match) => (
                <li key={`${match.label}-${match.point.latitude}`}>
                  <button type="button" className="link-button" onClick={() => chooseMatch(match)}>
                    {match.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <TextField field={pointField} label={t("ideas.pointField")} hint={t("geo.pointHint")} inputMode="text" />
      {place.map && (hydrated || point) ? (
        <div className="place-map">
          {hydrated ? (
            <p className="field-hint" id={hintId}>
              {t("geo.pickerHint")}
            </p>
          ) : null}
          <SlippyMap
            config={place.map}
            view={view}
            onViewChange={setView}
            markers={point ? [{ id: "point", point, label: t("geo.yourPoint") }] : []}
            height={280}
            label={t("geo.pickerLabel")}
            hintId={hintId}
            onPick={choosePoint}
            overlay={hydrated ? <span className="map-crosshair" aria-hidden="true" /> : null}
          />
          {hydrated ? (
            <div className="map-actions">
              <button type="button" className="button small-button" onClick={() => choosePoint(view.center)}>
                {t("geo.setCenter")}
              </button>
              {point ? (
                <button type="button" className="button small-button" onClick={() => choosePoint(null)}>
                  {t("geo.clearPoint")}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function noticeKey(kind: Exclude<LookupNotice["kind"], "found">) {
  return ({ "not-found": "notFound", unavailable: "unavailable", off: "off", invalid: "invalid", busy: "busy" } as const)[kind];
}
