// The layers stay apart (docs/governance-rules.md FRAME-9): the governance rules in src/lib/domain
// are pure (no database, server, session, framework or generated client, not even its enum types:
// the domain names them from its own vocabulary, src/lib/domain/vocabulary.ts), so they can be read
// and tested on their own; UI components never reach the server's data layer; the data layer never
// reaches up into the server or the app. Every import of every file under src/ is read with the
// TypeScript parser (static, type-only, re-exports and dynamic import()).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const GENERATED_ENUMS = "src/generated/prisma/enums";

interface SourceFile {
  /** Relative to the repository, with forward slashes: "src/lib/domain/costs.ts". */
  file: string;
  text: string;
}

interface Import {
  specifier: string;
  /** Where it points: "src/…" (no extension) for our own modules, else the package specifier. */
  target: string;
  typeOnly: boolean;
}

function resolveTarget(file: string, specifier: string): string {
  if (specifier.startsWith("@/")) return `src/${specifier.slice(2)}`;
  if (specifier.startsWith("."))
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  return specifier;
}

function importsOf({ file, text }: SourceFile): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Import[] = [];
  const add = (node: ts.Expression | undefined, typeOnly: boolean) => {
    if (node && ts.isStringLiteralLike(node)) {
      found.push({ specifier: node.text, target: resolveTarget(file, node.text), typeOnly });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allNamedTypeOnly =
        clause !== undefined &&
        !clause.name &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allNamedTypeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const within = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);
const FRAMEWORK = /^(next|@prisma\/[^/]+)(\/|$)/;

/** Every import that crosses a layer it must not, as "file imports "x": why". */
function layeringViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  for (const source of files) {
    const { file } = source;
    const refuse = (imported: Import, why: string) =>
      violations.push(`${file} imports "${imported.specifier}": ${why}`);
    for (const imported of importsOf(source)) {
      const { target } = imported;
      if (within(file, "src/lib/domain")) {
        for (const folder of ["src/lib/db", "src/lib/server", "src/lib/auth", "src/app", "src/generated"]) {
          if (within(target, folder))
            refuse(imported, `the domain is pure and imports nothing from ${folder}`);
        }
        if (FRAMEWORK.test(target)) refuse(imported, "the domain is pure and imports no framework or Prisma");
      }
      if (within(file, "src/components")) {
        for (const folder of ["src/lib/server", "src/lib/db", "src/generated/prisma/client"]) {
          if (within(target, folder)) {
            refuse(imported, `components take plain data from pages and import nothing from ${folder}`);
          }
        }
      }
      if (within(file, "src/lib/db")) {
        for (const folder of ["src/lib/server", "src/app"]) {
          if (within(target, folder)) refuse(imported, `the data layer does not depend on ${folder}`);
        }
      }
    }
  }
  return violations;
}

function sourceFiles(folder: string): SourceFile[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(ts|tsx|mts)$/.test(name))
    .map((name) => path.posix.join(folder, name.split(path.sep).join("/")))
    .filter((file) => !within(file, "src/generated"))
    .map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));
}

describe("layering (docs/governance-rules.md FRAME-9)", () => {
  const files = sourceFiles("src");

  it("reads every source file under src/", () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(["src/lib/domain/costs.ts", "src/lib/server/operations/costs.ts"]),
    );
  });

  it("has no import crossing a layer", () => {
    expect(layeringViolations(files)).toEqual([]);
  });

  it("takes no enum from the generated client anywhere in the domain: the vocabulary names them", () => {
    const enumUsers = files
      .filter(({ file }) => within(file, "src/lib/domain"))
      .filter((source) => importsOf(source).some((i) => i.target === GENERATED_ENUMS))
      .map((source) => source.file);
    expect(enumUsers, "import enum types from src/lib/domain/vocabulary.ts").toEqual([]);
  });
});

describe("the layering check itself", () => {
  const check = (file: string, text: string) => layeringViolations([{ file, text }]);

  it.each([
    ['import { db } from "@/lib/db/client";', "src/lib/db"],
    ['import { getClock } from "../server/organisation";', "src/lib/server"],
    ['import type { Actor } from "@/lib/auth/authenticate";', "src/lib/auth"],
    ['export { x } from "@/app/(app)/projects/[code]/actions";', "src/app"],
    ['import type { Prisma } from "@/generated/prisma/client";', "src/generated"],
    ['const m = await import("@/lib/server/organisation");', "src/lib/server"],
    ['import { headers } from "next/headers";', "framework"],
    ['import { PrismaPg } from "@prisma/adapter-pg";', "framework"],
    ['type Db = import("@/lib/db/client").Db;', "src/lib/db"],
  ])("refuses in the domain: %s", (text, why) => {
    const violations = check("src/lib/domain/costs.ts", text);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^src\/lib\/domain\/costs\.ts imports "/);
    expect(violations[0]).toContain(why);
  });

  it.each([
    'import type { RiskStatus } from "@/generated/prisma/enums";',
    'import { type RiskStatus } from "@/generated/prisma/enums";',
    'import { RiskStatus } from "@/generated/prisma/enums";',
    'export type { RiskStatus } from "@/generated/prisma/enums";',
    'type R = import("@/generated/prisma/enums").RiskStatus;',
  ])("refuses the generated enums in the domain, even type-only: %s", (text) => {
    expect(check("src/lib/domain/risks.ts", text)).toEqual([
      'src/lib/domain/risks.ts imports "@/generated/prisma/enums": the domain is pure and imports nothing from src/generated',
    ]);
  });

  it("lets the domain name its enums from its own vocabulary", () => {
    expect(check("src/lib/domain/risks.ts", 'import type { RiskStatus } from "./vocabulary";')).toEqual([]);
  });

  it("lets the domain import itself and pure libraries", () => {
    expect(
      check(
        "src/lib/domain/costs.ts",
        'import { tz } from "@date-fns/tz";\nimport { formatMoney } from "./money";',
      ),
    ).toEqual([]);
  });

  it("refuses a component reaching the server, the database or the generated client", () => {
    const text = [
      'import { getClock } from "@/lib/server/organisation";',
      'import { db } from "../../lib/db/client";',
      'import type { Project } from "@/generated/prisma/client";',
      'import type { Role } from "@/generated/prisma/enums";',
      'import { formatMoney } from "@/lib/domain/money";',
    ].join("\n");
    expect(check("src/components/projects/summary.tsx", text)).toEqual([
      'src/components/projects/summary.tsx imports "@/lib/server/organisation": components take plain data from pages and import nothing from src/lib/server',
      'src/components/projects/summary.tsx imports "../../lib/db/client": components take plain data from pages and import nothing from src/lib/db',
      'src/components/projects/summary.tsx imports "@/generated/prisma/client": components take plain data from pages and import nothing from src/generated/prisma/client',
    ]);
  });

  it("refuses the data layer reaching up into the server or the app", () => {
    const text = 'import { getClock } from "@/lib/server/organisation";\nimport "../../../app/layout";';
    expect(check("src/lib/db/seed/plan.ts", text)).toEqual([
      'src/lib/db/seed/plan.ts imports "@/lib/server/organisation": the data layer does not depend on src/lib/server',
      'src/lib/db/seed/plan.ts imports "../../../app/layout": the data layer does not depend on src/app',
    ]);
  });
});
