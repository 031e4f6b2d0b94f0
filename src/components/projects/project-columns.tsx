// The columns every project list shares, and the link to a row's project in lists of other things.
import { PROJECT_KIND_LABEL } from "@/lib/domain/labels";
import type { ProjectKind, ProjectStage, RaciLetter } from "@/lib/domain/vocabulary";
import { StageBadge } from "../ui/badge";
import type { Column } from "../ui/table";
import { ProjectLink } from "./project-link";
import { RaciRole } from "./raci-role";

export const projectCodeColumn: Column<{ code: string }> = {
  header: "Code",
  cell: (p) => <ProjectLink code={p.code} />,
};

export const projectNameColumn: Column<{ name: string }> = {
  header: "Name",
  cell: (p) => p.name,
};

export const projectKindColumn: Column<{ kind: ProjectKind }> = {
  header: "Kind",
  cell: (p) => PROJECT_KIND_LABEL[p.kind],
};

export const projectStageColumn: Column<{ stage: ProjectStage }> = {
  header: "Stage",
  cell: (p) => <StageBadge stage={p.stage} />,
};

export const projectSiteColumn: Column<{ siteName: string }> = {
  header: "Site",
  className: "whitespace-nowrap",
  cell: (p) => p.siteName,
};

const myRoleColumn: Column<{ letter: RaciLetter }> = {
  header: "My role",
  className: "whitespace-nowrap",
  cell: (p) => <RaciRole letter={p.letter} />,
};

/** A person's own projects lead with the same columns wherever they are listed. */
export const myProjectColumns = [
  projectCodeColumn,
  projectNameColumn,
  myRoleColumn,
  projectStageColumn,
] as const;

/** For rows about something in a project (a milestone, feedback); a name, when given, completes the link text. */
export const projectColumn: Column<{ projectCode: string; projectName?: string }> = {
  header: "Project",
  cell: (r) => <ProjectLink code={r.projectCode} name={r.projectName} />,
};
