import type { Catalogue } from "../catalogue";

// English texts of the map and the address look-up; same keys as geo.nl.ts.
export const geoEn: Catalogue["geo"] = {
  lookupButton: "Look up this address",
  lookupBusy: "Looking it up…",
  found: "Found: {label}. The point is now on the map.",
  foundSaveNote: "Your idea is not saved yet. Use the buttons at the bottom for that.",
  foundOutside: "Note: this address is outside this round's area. Is that right?",
  otherMatches: "Did you mean another address?",
  notFound: "We cannot find this address. Check the street, house number and town. A point on the map is optional.",
  unavailable: "Looking up addresses does not work right now: the government's service does not answer. What you entered stays. Please try again later.",
  off: "Looking up addresses is turned off. You can enter the point yourself or leave it empty.",
  invalid: "First enter an address, like Zwolseweg 1, Deventer.",
  busy: "Very many look-ups right now. Please try again in a few minutes.",
  pointHint: "Look up an address above or click on the map. You can also enter latitude and longitude yourself, like 52.2661, 6.1783.",
  pickerLabel: "Map to choose the point",
  pickerHint:
    "Click on the map to set the point. With the keyboard: move the map with the arrow keys, zoom with + and −, and choose ‘Put the point in the middle’.",
  setCenter: "Put the point in the middle",
  clearPoint: "Remove the point",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  yourPoint: "Your point",
  ideasMapTitle: "On the map",
  ideasMapLabel: "Map of the ideas",
  ideasMapCount: "{n} of the {total} ideas have a point on the map. The list shows them all.",
  ideasMapCountPage: "{n} of the {total} ideas on this page have a point on the map. The list shows them all.",
  ideaMapLabel: "Map with the idea's place",
};
