import Link from "next/link";
import type { Actor } from "@/lib/auth/authenticate";
import { ROLE_LABEL } from "@/lib/domain/labels";
import { landingPathFor, navigationFor } from "@/lib/navigation";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3 sm:px-6 lg:px-8">
        <Link
          href={landingPathFor(actor.role)}
          className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900"
        >
          <span aria-hidden="true" className="inline-block h-1 w-6 rounded-full bg-teal-700" />
          Throughline
        </Link>
        <div className="flex items-center gap-4">
          <p className="text-right text-sm leading-tight">
            <Link href="/account" className="block font-medium text-slate-900 hover:underline">
              {actor.name}
              <span className="sr-only"> (your account)</span>
            </Link>
            <span className="block text-slate-500">{ROLE_LABEL[actor.role]}</span>
          </p>
          <SignOutButton />
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">
        <MainNav items={navigationFor(actor.role)} />
      </div>
    </header>
  );
}
