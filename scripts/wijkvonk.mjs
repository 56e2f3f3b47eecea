#!/usr/bin/env node
// The `wijkvonk` command-line tool. Plain .mjs so that npm can link it as a
// bin; the commands themselves are TypeScript, loaded through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
