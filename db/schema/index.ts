export * from "./audit";
export * from "./auth";
export * from "./contests";
export * from "./mail";
export * from "./places";
