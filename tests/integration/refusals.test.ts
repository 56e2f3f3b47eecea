import { useTestDatabase } from "../support/test-db";
import { describeRefusals } from "../support/refusals-contract";

const { db } = useTestDatabase();
describeRefusals("SQLite", db);
