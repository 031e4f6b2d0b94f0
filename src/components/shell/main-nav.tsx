"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { activeNavHref, type NavItem } from "@/lib/navigation";

/** The role's menu (computed on the server); only the current-page marker needs the browser's path. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const active = activeNavHref(pathname, items);
  return (
    <nav aria-label="Main">
      <ul className="-mb-px flex flex-wrap gap-x-6">
        {items.map((item) => {
          const current = item.href === active;
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 py-3 text-sm font-medium ${
                  current
                    ? "border-teal-700 text-teal-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
