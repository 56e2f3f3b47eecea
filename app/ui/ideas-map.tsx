import { useEffect, useMemo, useState } from "react";
import { useT } from "~/lib/i18n/react";
import type { MapConfig } from "~/lib/geo/map-config";
import { fitPoints, type LatLng } from "~/lib/geo/tiles";
import { SlippyMap, type MapMarker, type View } from "~/ui/map";

// The round's ideas with a point, beside the list (after it on a phone). Each pin is a link to its
// idea, in the list's order, so the keyboard reaches them as it reaches the cards; the list stays the
// way to read them all, and says how many are on the map. A list in pages maps the page's ideas.

/** `paged`: the list shows one page of the ideas, and the map the ones on that page. */
export function IdeasMap({ config, markers, shown, paged = false }: { config: NonNullable<MapConfig>; markers: MapMarker[]; shown: number; paged?: boolean }) {
  const t = useT();
  // Fitted again only when other ideas are shown (a filter), not on every render: the resident may have moved the map.
  const which = markers.map((m) => `${m.id}:${m.point.latitude},${m.point.longitude}`).join("|");
  const fitted = useMemo<View>(
    () =>
      fitPoints(
        markers.map((m) => m.point),
        300,
        260,
        16,
      )!,
    [which],
  );
  const [view, setView] = useState<View>(fitted);
  useEffect(() => setView(fitted), [fitted]);
  return (
    <aside className="ideas-map" aria-labelledby="ideas-map-title">
      <h2 id="ideas-map-title">{t("geo.ideasMapTitle")}</h2>
      <p className="small muted" id="ideas-map-hint">
        {t(paged ? "geo.ideasMapCountPage" : "geo.ideasMapCount", { n: markers.length, total: shown })}
      </p>
      <SlippyMap config={config} view={view} onViewChange={setView} markers={markers} height={320} label={t("geo.ideasMapLabel")} hintId="ideas-map-hint" />
    </aside>
  );
}

/** One idea's place, on its own page: the pin is not a link (this is the idea), the map can be moved. */
export function IdeaPlaceMap({ config, point, title }: { config: NonNullable<MapConfig>; point: LatLng; title: string }) {
  const t = useT();
  const [view, setView] = useState<View>({ center: point, zoom: 16 });
  return (
    <div className="idea-place-map">
      <SlippyMap
        config={config}
        view={view}
        onViewChange={setView}
        markers={[{ id: "idea", point, label: title }]}
        height={220}
        label={t("geo.ideaMapLabel")}
      />
    </div>
  );
}
