// A stand-in for the PDOK Locatieserver (v3.1 `/free`), for the end-to-end tests: the app's server asks
// it instead of PDOK (ADDRESS_LOOKUP_URL in playwright.config.ts). It knows a few addresses by word:
//   "Zwolseweg" — an address in Keizerslanden (inside the demo round's area, 7416/7417)
//   "Brink"     — an address in the Binnenstad (outside that area)
//   "storing"   — the service fails (HTTP 500)
//   anything else — nothing found
import { createServer } from "node:http";

const port = Number(process.env.STUB_PORT ?? process.argv[2] ?? 3998);

const addresses = {
  zwolseweg: [
    { weergavenaam: "Zwolseweg 12, 7416AB Deventer", centroide_ll: "POINT(6.18412 52.25873)", postcode: "7416AB" },
    { weergavenaam: "Zwolseweg 12A, 7416AB Deventer", centroide_ll: "POINT(6.18420 52.25880)", postcode: "7416AB" },
  ],
  brink: [{ weergavenaam: "Brink 1, 7411BR Deventer", centroide_ll: "POINT(6.16055 52.25213)", postcode: "7411BR" }],
};

createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
  if (url.pathname === "/") return res.end("ok");
  if (!url.pathname.endsWith("/free") || url.searchParams.get("fq") !== "type:adres") {
    res.statusCode = 400;
    return res.end("{}");
  }
  const q = (url.searchParams.get("q") ?? "").toLowerCase();
  if (q.includes("storing")) {
    res.statusCode = 500;
    return res.end("Internal Server Error");
  }
  const key = Object.keys(addresses).find((word) => q.includes(word));
  const docs = key ? addresses[key] : [];
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: 10, docs } }));
}).listen(port, "127.0.0.1");
