// The layer order of docs/decisions/020-feature-layers.md as an ESLint rule: a file may import from its
// own layer and the layers below it, never from one above. Top first.
import path from "node:path";

export const LAYERS = [
  "routes", // app/routes and the app's own files (root.tsx, entry.*, jobs.server.ts, startup.server.ts)
  "routes-support", // route guards, form and cookie readers, the HTTP answers
  "ui",
  "workflows", // work across features: personal data, retention, notices, the follow-up story
  "modules/participation",
  "modules/aftercare",
  "modules/results",
  "modules/voting",
  "modules/taakgroepen",
  "modules/jury",
  "modules/ideas",
  "modules/draagvlak", // backing, reactions, the answer clock (ADR 021)
  "modules/notifications",
  "modules/contests",
  "modules/auth",
  "lib",
  "db", // schema, client, migrations (db/seeds fill the demo through the features: not a layer)
];

/**
 * db/schema names the allowed values of its CHECK constraints once, in these pure files of the
 * features (they import nothing), so the schema may read them.
 */
const SCHEMA_CONSTANTS = new Set([
  "app/modules/aftercare/referrals.ts",
  "app/modules/contests/contest-constants.ts",
  "app/modules/notifications/kinds.ts",
  "app/modules/participation/constants.ts",
  "app/modules/voting/ballot-review.ts",
]);

const APP_FOLDERS = new Set(["routes", "routes-support", "ui", "workflows", "lib"]);

/** The layer of a file (a path relative to the repository), or null for files outside the order (tests, scripts, seeds). */
export function layerOf(file) {
  const parts = file.split("/");
  if (parts[0] === "db") return parts[1] === "seeds" ? null : "db";
  if (parts[0] !== "app") return null;
  if (parts.length === 2) return "routes"; // root.tsx, entry.server.tsx, jobs.server.ts, …
  if (parts[1] === "modules") return parts.length > 3 ? `modules/${parts[2]}` : null;
  return APP_FOLDERS.has(parts[1]) ? parts[1] : null;
}

/** The repository path an import names, for the project's own files; null for packages. */
function targetOf(specifier, fromFile) {
  if (specifier.startsWith("~/")) return path.posix.join("app", specifier.slice(2));
  if (specifier.startsWith("~db/")) return path.posix.join("db", specifier.slice(4));
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

const rank = (layer) => LAYERS.indexOf(layer);

export const layersRule = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layer order of ADR 020: routes → routes-support → ui → workflows → features in their order → lib → db." },
    messages: {
      upward: "{{from}} may not import {{target}}: {{toLayer}} is above {{fromLayer}} in the layer order (docs/decisions/020-feature-layers.md).",
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const fromLayer = layerOf(file);
    if (!fromLayer) return {};
    function check(node) {
      const specifier = node.source && node.source.type === "Literal" ? node.source.value : null;
      if (typeof specifier !== "string") return;
      const target = targetOf(specifier, file);
      if (!target) return;
      const toLayer = layerOf(target);
      if (!toLayer || rank(toLayer) >= rank(fromLayer)) return;
      if (fromLayer === "db" && SCHEMA_CONSTANTS.has(`${target.replace(/\.ts$/, "")}.ts`)) return;
      context.report({ node: node.source, messageId: "upward", data: { from: file, target: specifier, fromLayer, toLayer } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { "layer-order": layersRule } };
