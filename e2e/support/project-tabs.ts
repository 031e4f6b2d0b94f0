// The project's tabs as src/components/projects/project-tabs.tsx lists them in PROJECT_TABS, read
// from its source: the module itself imports next/link, which Playwright's loader cannot run, and
// reading the list (rather than copying it) means a tab added there is checked here too.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface ProjectTab {
  segment: string;
  label: string;
}

function readProjectTabs(): ProjectTab[] {
  const source = readFileSync(
    resolve(import.meta.dirname, "../../src/components/projects/project-tabs.tsx"),
    "utf8",
  );
  const list = /PROJECT_TABS\s*=\s*\[([\s\S]*?)\]\s*as const/.exec(source)?.[1];
  if (!list) throw new Error("PROJECT_TABS not found in project-tabs.tsx");
  const tabs = [...list.matchAll(/\{\s*segment:\s*"([^"]*)",\s*label:\s*"([^"]*)"/g)].map((m) => ({
    segment: m[1] ?? "",
    label: m[2] ?? "",
  }));
  if (tabs.length === 0) throw new Error("PROJECT_TABS in project-tabs.tsx lists no tab");
  return tabs;
}

export const PROJECT_TABS: readonly ProjectTab[] = readProjectTabs();
