import { many } from "~db/query.server";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { ideas, users } from "~db/schema";

// The jury reads ideas here and nowhere else, so the one place that knows the ideas table's shape
// for the jury is this file (the ideas module exports no list of handed-in ideas for it).

export type JuryIdea = {
  id: number;
  title: string;
  summary: string;
  costEuros: number | null;
  status: string;
  isPaper: boolean;
  /** The indiener's name: account name or the name on the paper form. */
  indienerName: string | null;
  workedOutAt: number | null;
};

/**
 * The ideas the jury judges: handed in (submitted, or shortlisted earlier in this decision), shown
 * publicly (contact confirmed), not hidden by moderation. Ordered by when they were handed in.
 */
export async function listJuryIdeas(contestId: number): Promise<JuryIdea[]> {
  return (
    await many(
      getDb()
        .select({
          id: ideas.id,
          title: ideas.title,
          summary: ideas.summary,
          costEuros: ideas.costEuros,
          status: ideas.status,
          isPaper: ideas.isPaper,
          paperName: ideas.paperName,
          ownerName: users.name,
          workedOutAt: ideas.workedOutAt,
        })
        .from(ideas)
        .leftJoin(users, eq(ideas.ownerUserId, users.id))
        .where(
          and(eq(ideas.contestId, contestId), inArray(ideas.status, ["submitted", "shortlisted"]), isNull(ideas.hiddenAt), isNotNull(ideas.contactConfirmedAt)),
        )
        .orderBy(asc(ideas.submittedAt), asc(ideas.id)),
    )
  ).map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    costEuros: r.costEuros,
    status: r.status,
    isPaper: r.isPaper,
    indienerName: r.isPaper ? r.paperName : r.ownerName,
    workedOutAt: r.workedOutAt ? r.workedOutAt.getTime() : null,
  }));
}
