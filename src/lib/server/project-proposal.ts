import "server-only";
// What the "Propose a project" form offers (createProject): the sites, the people who may be the
// project's Accountable, those who may be its Responsible, and whether the proposer becomes the
// Responsible when they name nobody. The same domain functions decide as the operation does, so the
// form never offers a person the server would refuse.
import { db } from "@/lib/db/client";
import { can } from "@/lib/domain/permissions";
import { canBeAccountable, canBeResponsible, mayNameSelfAccountable } from "@/lib/domain/user-accounts";
import type { Role } from "@/lib/domain/vocabulary";

export interface ProposalPerson {
  id: string;
  name: string;
  jobTitle: string | null;
}

export interface ProposalChoices {
  sites: { id: string; name: string }[];
  /**
   * Active executives and SRO-eligible colleagues (docs/governance-rules.md ACC-1), without the
   * proposer unless they are an executive (ACC-2).
   */
  accountables: ProposalPerson[];
  /** Active people who can do the work: anyone but a viewer, the proposer included. */
  responsibles: ProposalPerson[];
  /**
   * createProject makes the proposer the Responsible when none is named and they could not otherwise
   * edit the project (a project manager, an executive), unless they are its Accountable.
   */
  proposerBecomesResponsible: boolean;
  /** Only an executive may name themselves Accountable (ACC-2). */
  proposerMayBeAccountable: boolean;
}

export async function getProposalChoices(proposer: { id: string; role: Role }): Promise<ProposalChoices> {
  const [sites, people] = await Promise.all([
    db().site.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().user.findMany({
      where: { active: true, role: { not: "VIEWER" } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, jobTitle: true, role: true, sroEligible: true },
    }),
  ]);
  const person = (p: (typeof people)[number]): ProposalPerson => ({
    id: p.id,
    name: p.name,
    jobTitle: p.jobTitle,
  });
  const namedBy = (accountableId: string) =>
    mayNameSelfAccountable({ actorId: proposer.id, actorRole: proposer.role, accountableId });
  return {
    sites,
    accountables: people.filter((p) => canBeAccountable({ ...p, active: true }) && namedBy(p.id)).map(person),
    responsibles: people.filter((p) => canBeResponsible({ role: p.role, active: true })).map(person),
    proposerBecomesResponsible: !can("project.edit", { role: proposer.role }),
    proposerMayBeAccountable: namedBy(proposer.id),
  };
}
