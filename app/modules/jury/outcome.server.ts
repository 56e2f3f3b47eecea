import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { juryDecisions, juryRounds } from "~db/schema";
import type { IdeaJuryOutcomeView } from "./outcome";
import { criteriaFor } from "./criteria.server";
import { listFeedback } from "./feedback.server";
import { aggregateIdeas } from "./scoring";
import { loadScoring } from "./scores.server";

/**
 * What an idea page shows of the jury (for the idea page's loader; render with <IdeaJuryOutcome>).
 * Nothing until the decision is closed. The motivation, the aftercare offer and feedback only for
 * the idea's makers and organisers (`forMakers`); the jury's average only where the contest
 * publishes it. Individual jurors' scores never.
 */
export async function ideaJuryOutcome(input: { ideaId: number; contestId: number; forMakers: boolean }): Promise<IdeaJuryOutcomeView | null> {
  const db = getDb();
  const round = await one(db.select().from(juryRounds).where(eq(juryRounds.contestId, input.contestId)));
  if (!round?.decisionClosedAt) return null;
  const decision = await one(db.select().from(juryDecisions).where(eq(juryDecisions.ideaId, input.ideaId)));
  if (!decision || decision.contestId !== input.contestId) return null;
  let publicScore: IdeaJuryOutcomeView["publicScore"] = null;
  if (round.publishAggregates) {
    const { sheets, conflicts } = await loadScoring(input.contestId);
    const [aggregate] = aggregateIdeas({ ideaIds: [input.ideaId], criteria: await criteriaFor(input.contestId), sheets, conflicts });
    if (aggregate?.average != null) publicScore = { average: aggregate.average, count: aggregate.count };
  }
  return {
    outcome: decision.outcome,
    motivation: input.forMakers ? decision.motivation : null,
    decidedAt: round.decisionClosedAt.getTime(),
    publicScore,
    feedback: input.forMakers ? await listFeedback(input.ideaId) : [],
  };
}
