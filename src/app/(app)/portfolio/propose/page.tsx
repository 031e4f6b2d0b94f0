import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProposeProjectForm } from "@/components/portfolio/propose-project-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/permissions";
import { requirePageActor } from "@/lib/server/page-access";
import { getProposalChoices } from "@/lib/server/project-proposal";

export const metadata: Metadata = { title: "Propose a project" };

// The proposal form has its own page: the people it offers grow with the trust, and the portfolio
// list should not carry them on every visit (issue 12).
export default async function ProposeProjectPage() {
  const actor = await requirePageActor("portfolio");
  // Admins, executives, the PMO and project managers propose projects: the matrix says who.
  if (!can("project.create", { role: actor.role })) redirect("/portfolio");
  const choices = await getProposalChoices(actor);
  return (
    <>
      <PageHeader
        title="Propose a project"
        description="What it will do, its plan and budget (the baselines it starts from), and who answers for it."
      >
        <Link href="/portfolio" className="text-sm font-medium text-teal-800 underline">
          Back to the portfolio
        </Link>
      </PageHeader>
      <ProposeProjectForm proposerId={actor.id} {...choices} />
    </>
  );
}
