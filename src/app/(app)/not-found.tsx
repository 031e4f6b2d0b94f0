import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

// A record that is not there (an objective, a person, a page of the app), shown inside the app's
// frame so the menu is still at hand.
export default function AppNotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <p className="text-sm text-slate-700">
        There is nothing at this address; it may have been mistyped, or what it showed has been removed.{" "}
        <Link href="/" className="font-medium text-teal-800 underline-offset-2 hover:underline">
          Go to your start page
        </Link>
        .
      </p>
    </>
  );
}
