import { isCheckViolation, isForeignKeyViolation, isUniqueViolation, ruleMessageOf } from "~db/refusals.server";

// `await expect(write).rejects.toThrow(refusedBy("check"))`: the database refused the write, read the
// same way on SQLite and PostgreSQL (db/refusals.server.ts), so a test of a database rule runs on both
// (ADR 027). A RegExp is a rule's (trigger's) own message.

type Kind = "unique" | "check" | "foreign-key";

export function refusedBy(kind: Kind | RegExp, where: { table?: string; column?: string } = {}) {
  const matches = (error: unknown): boolean => {
    if (kind instanceof RegExp) return kind.test(ruleMessageOf(error) ?? "");
    if (kind === "unique") return isUniqueViolation(error, where);
    if (kind === "check") return isCheckViolation(error);
    return isForeignKeyViolation(error);
  };
  return {
    asymmetricMatch: matches,
    toString: () => `a refusal by the database (${String(kind)}${where.table ? ` on ${where.table}` : ""}${where.column ? `.${where.column}` : ""})`,
    toAsymmetricMatcher: () => `refusedBy(${String(kind)})`,
  };
}
