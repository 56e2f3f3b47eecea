import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { isSection, type Section } from "~/lib/i18n/sections";

// Which sections of the message catalogue a route's code uses, read from the source (ADR 030): every
// string that starts like a key of a section ("voting.empty", `phases.names.${phase}`), in the
// route module and all it imports. Not followed: the i18n code itself, and server modules outside
// app/routes-support (a feature's own server code words its texts there, in mails, CSV files and
// notifications). A route module's loader and action are read, and so is app/routes-support: keys
// they send to the page (a form error as "jury.decisionIsClosed") are translated in the browser.

const appDir = path.resolve(import.meta.dirname, "../../app");
export const routesDir = path.join(appDir, "routes");

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(appDir, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

type ParsedModule = { sections: Set<Section>; imports: string[]; handle: Section[] | null; hasComponent: boolean };
const parsed = new Map<string, ParsedModule>();

function sectionOfText(text: string): Section | null {
  const dot = text.indexOf(".");
  const group = dot > 0 ? text.slice(0, dot) : "";
  return /^[A-Za-z]+\.[A-Za-z0-9_.]*(\?.*)?$/.test(text) && isSection(group) ? group : null;
}

/** The `i18n` list of `export const handle = { i18n: [...] }`, or null when the module has none. */
function handleSections(statement: ts.Statement): Section[] | null {
  if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return null;
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name) || declaration.name.text !== "handle" || !declaration.initializer) continue;
    let value: ts.Expression = declaration.initializer;
    while (ts.isSatisfiesExpression(value) || ts.isAsExpression(value)) value = value.expression;
    if (!ts.isObjectLiteralExpression(value)) return [];
    for (const property of value.properties) {
      if (
        ts.isPropertyAssignment(property) &&
        ts.isIdentifier(property.name) &&
        property.name.text === "i18n" &&
        ts.isArrayLiteralExpression(property.initializer)
      ) {
        return property.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text as Section);
      }
    }
    return [];
  }
  return null;
}

function parse(file: string): ParsedModule {
  const known = parsed.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const module: ParsedModule = { sections: new Set(), imports: [], handle: null, hasComponent: false };
  for (const statement of source.statements) {
    module.handle ??= handleSections(statement);
    if (ts.isExportAssignment(statement)) module.hasComponent = true;
    if (ts.isFunctionDeclaration(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) module.hasComponent = true;
  }
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      const target = typeOnly ? null : resolveImport(file, node.moduleSpecifier.text);
      if (target) module.imports.push(target);
      return;
    }
    // The handle names sections; it does not use them.
    if (ts.isVariableStatement(node) && handleSections(node)) return;
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : null;
    const section = text === null ? null : sectionOfText(text);
    if (section) module.sections.add(section);
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, module);
  return module;
}

const followed = (file: string) =>
  !file.includes(`${path.sep}lib${path.sep}i18n${path.sep}`) && (!/\.server\.tsx?$/.test(file) || file.includes(`${path.sep}routes-support${path.sep}`));

/** The sections used by a module and everything it imports (within the limits above). */
export function sectionsUsedBy(file: string): Set<Section> {
  const seen = new Set<string>();
  const used = new Set<Section>();
  const stack = [file];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next) || (next !== file && !followed(next))) continue;
    seen.add(next);
    const module = parse(next);
    for (const section of module.sections) used.add(section);
    stack.push(...module.imports);
  }
  return used;
}

/** What a route module says of itself: its handle's sections (null: no handle) and whether it renders a page. */
export function routeDeclaration(file: string): { handle: Section[] | null; hasComponent: boolean } {
  const { handle, hasComponent } = parse(file);
  return { handle, hasComponent };
}

export function routeFiles(): string[] {
  return readdirSync(routesDir)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(routesDir, f));
}

export const rootFile = path.join(appDir, "root.tsx");
