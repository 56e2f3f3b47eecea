import { createContext, useContext } from "react";

/** The id under which the server logged this request, shown on the error page so a report can be traced. */
export const RequestIdContext = createContext<string | undefined>(undefined);

export function useRequestId(): string | undefined {
  const fromServer = useContext(RequestIdContext);
  if (fromServer) return fromServer;
  if (typeof document === "undefined") return undefined;
  return document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? undefined;
}
