// What a second app server needs to serve the same deployment as the one the tests start
// (e2e/support/serve.ts): the same database, AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY.
// serve.ts writes them beside the database URL file, readable by this user only.
import { readFileSync } from "node:fs";

export interface ServerEnv {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
}

export const serverEnvFileFor = (databaseUrlFile: string): string => `${databaseUrlFile}.server.json`;

export function readServerEnv(databaseUrlFile: string): ServerEnv {
  return JSON.parse(readFileSync(serverEnvFileFor(databaseUrlFile), "utf8")) as ServerEnv;
}
