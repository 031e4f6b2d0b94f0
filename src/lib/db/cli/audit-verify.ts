// `npm run audit:verify [-- --anchor <position>:<hash>]`: checks every link of the audit chain and
// names the first broken one (docs/security-operations.md). Exit code 0 when the trail is intact,
// 1 when it has been tampered with, 2 when it could not be checked.
import pg from "pg";
import { describeReport, parseAnchor, verifyAuditChain } from "@/lib/db/audit-chain";
import { installationFromEnv, withInstallationUrl } from "@/lib/db/installation";

function anchorArgument(args: string[]): string | undefined {
  const at = args.indexOf("--anchor");
  if (at >= 0) {
    const value = args[at + 1];
    if (!value) throw new Error("--anchor needs a value: <position>:<hash>, as verify prints the head.");
    return value;
  }
  return args.find((a) => a.startsWith("--anchor="))?.slice("--anchor=".length);
}

try {
  const anchorText = anchorArgument(process.argv.slice(2));
  const anchor = anchorText === undefined ? undefined : parseAnchor(anchorText);
  const report = await withInstallationUrl(installationFromEnv(), async (url) => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    try {
      return await verifyAuditChain(client, anchor);
    } finally {
      await client.end();
    }
  });
  const lines = describeReport(report);
  (report.ok ? console.log : console.error)(lines.join("\n"));
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(
    `✖ The audit trail could not be checked: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 2;
}
