export * from "./audit";
export * from "./auth";
export * from "./contests";
export * from "./ideas";
export * from "./mail";
export * from "./places";
