import { defineConfig } from "prisma/config";

// The CLI needs a URL only for commands that talk to a database (`migrate deploy`, `studio`) on a
// machine with the schema engine; the app itself reads DATABASE_URL through src/lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/throughline" },
});
