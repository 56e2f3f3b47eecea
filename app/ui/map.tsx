import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MapConfig } from "~/lib/geo/map-config";
import { clampZoom, MIN_ZOOM, offsetFromCenter, pointAtOffset, tilesAround, tileUrl, type LatLng } from "~/lib/geo/tiles";

// A small slippy map of our own (no map library; docs/decisions/024-maps-and-address-lookup.md). The
// server draws it as plain images and links, so it shows without JavaScript; in the browser it can be
// moved (drag, arrow keys) and zoomed (buttons, + and −). It only ever shows: lists and fields stay the
// way to read and to enter things, the map is beside them.

export type MapMarker = { id: string | number; point: LatLng; label: string; href?: string };
export type View = { center: LatLng; zoom: number };

// Before the browser has measured the map, tiles are laid for a view this wide: enough for a desktop column.
const ASSUMED_WIDTH = 1280;
const PAN_STEP = 80;

type Props = {
  config: NonNullable<MapConfig>;
  view: View;
  onViewChange?: (view: View) => void;
  markers: readonly MapMarker[];
  height: number;
  label: string;
  hintId?: string;
  /** A click (not a drag) on the map: where it landed. */
  onPick?: (point: LatLng) => void;
  /** Drawn over the map's middle: the picker's cross-hair. */
  overlay?: ReactNode;
};

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function SlippyMap({ config, view, onViewChange, markers, height, label, hintId, onPick, overlay }: Props) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const viewRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(ASSUMED_WIDTH);
  const drag = useRef<{ x: number; y: number; center: LatLng; moved: boolean } | null>(null);
  const interactive = hydrated && onViewChange !== undefined;

  useEffect(() => {
    const element = viewRef.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || ASSUMED_WIDTH));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const zoomTo = (zoom: number) => onViewChange?.({ center: view.center, zoom: Math.min(config.maxZoom, Math.max(MIN_ZOOM, clampZoom(zoom))) });
  const panBy = (dx: number, dy: number) => onViewChange?.({ center: pointAtOffset(view.center, view.zoom, { x: dx, y: dy }), zoom: view.zoom });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP] };
    const move = moves[event.key];
    if (move) panBy(...move);
    else if (event.key === "+" || event.key === "=") zoomTo(view.zoom + 1);
    else if (event.key === "-" || event.key === "_") zoomTo(view.zoom - 1);
    else return;
    event.preventDefault();
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (!interactive || event.button !== 0 || (event.target as HTMLElement).closest("a")) return;
    drag.current = { x: event.clientX, y: event.clientY, center: view.center, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const start = drag.current;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < 4) return;
    start.moved = true;
    onViewChange?.({ center: pointAtOffset(start.center, view.zoom, { x: -dx, y: -dy }), zoom: view.zoom });
  }
  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const start = drag.current;
    drag.current = null;
    if (!start || start.moved || !onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    onPick(pointAtOffset(view.center, view.zoom, { x: event.clientX - box.left - box.width / 2, y: event.clientY - box.top - box.height / 2 }));
  }

  const tiles = tilesAround(view.center, view.zoom, width + 64, height + 64);
  return (
    <div className="map" role="group" aria-label={label}>
      <div
        ref={viewRef}
        className={`map-view${onPick && hydrated ? " pickable" : ""}`}
        style={{ height }}
        tabIndex={interactive ? 0 : undefined}
        aria-describedby={interactive ? hintId : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
      >
        <div className="map-pane">
          {tiles.map((tile) => (
            <img
              key={`${tile.z}/${tile.x}/${tile.y}/${tile.left}`}
              className="map-tile"
              src={tileUrl(config.tileUrl, tile)}
              alt=""
              width={256}
              height={256}
              draggable={false}
              style={{ left: tile.left, top: tile.top }}
            />
          ))}
          {markers.map((marker) => {
            const at = offsetFromCenter(marker.point, view.center, view.zoom);
            const style = { left: Math.round(at.x), top: Math.round(at.y) };
            return marker.href ? (
              <a key={marker.id} className="map-marker" href={marker.href} style={style}>
                <span className="map-marker-label">{marker.label}</span>
              </a>
            ) : (
              <span key={marker.id} className="map-marker" style={style}>
                <span className="visually-hidden">{marker.label}</span>
              </span>
            );
          })}
        </div>
        {overlay}
      </div>
      {interactive ? (
        <div className="map-zoom">
          <button
            type="button"
            className="button small-button"
            onClick={() => zoomTo(view.zoom + 1)}
            disabled={view.zoom >= config.maxZoom}
            aria-label={t("geo.zoomIn")}
          >
            +
          </button>
          <button
            type="button"
            className="button small-button"
            onClick={() => zoomTo(view.zoom - 1)}
            disabled={view.zoom <= MIN_ZOOM}
            aria-label={t("geo.zoomOut")}
          >
            −
          </button>
        </div>
      ) : null}
      <p className="map-attribution">{config.attribution[locale]}</p>
    </div>
  );
}
