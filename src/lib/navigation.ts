// Which pages each organisation role may open, where it lands, and what its navigation shows.
// One table answers all three, so the menu can never offer a page that the page itself refuses.
// Pure: no Next.js, no database; client components (the menu) and server pages both use it.
import type { Role } from "@/lib/domain/vocabulary";

export type PageKey =
  | "leadership"
  | "my-work"
  | "my-feedback"
  | "approvals"
  | "portfolio"
  | "objectives"
  | "project"
  | "admin-users"
  | "admin-sites"
  | "admin-settings"
  | "admin-security-log"
  | "account-sessions";

interface PageRule {
  href: string;
  /** Shown in the navigation; pages without a label (a single project) are reached by links. */
  label?: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = [
  "ADMIN",
  "EXECUTIVE",
  "PORTFOLIO_MANAGER",
  "PROJECT_MANAGER",
  "CLINICAL_CHAMPION",
  "VIEWER",
];

// Listed in navigation order. Board members and auditors (VIEWER) read the leadership view;
// the personal pages are for the roles that hold R/A on projects or log feedback.
const PAGES: Readonly<Record<PageKey, PageRule>> = {
  leadership: {
    href: "/leadership",
    label: "Leadership",
    roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER", "VIEWER"],
  },
  "my-work": {
    href: "/my-work",
    label: "My work",
    roles: ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER", "PROJECT_MANAGER"],
  },
  "my-feedback": { href: "/my-feedback", label: "My feedback", roles: ["ADMIN", "CLINICAL_CHAMPION"] },
  // Stage gates, rebaselines and scope changes waiting for a decision: executives decide them, an
  // Accountable decides rebaselines within tolerance, and whoever asked follows their requests.
  approvals: {
    href: "/approvals",
    label: "Approvals",
    roles: ["EXECUTIVE", "PORTFOLIO_MANAGER", "PROJECT_MANAGER"],
  },
  portfolio: { href: "/portfolio", label: "Portfolio", roles: EVERYONE },
  objectives: { href: "/objectives", label: "Objectives", roles: EVERYONE },
  project: { href: "/projects", roles: EVERYONE },
  "admin-users": { href: "/admin/users", label: "Users", roles: ["ADMIN"] },
  "admin-sites": { href: "/admin/sites", label: "Sites", roles: ["ADMIN"] },
  "admin-settings": { href: "/admin/settings", label: "Settings", roles: ["ADMIN"] },
  "admin-security-log": { href: "/admin/security-log", label: "Security log", roles: ["ADMIN"] },
  // Everyone's own sessions, reached from the header beside "Sign out".
  "account-sessions": { href: "/account/sessions", roles: EVERYONE },
};

const LANDING: Readonly<Record<Role, PageKey>> = {
  ADMIN: "admin-users",
  EXECUTIVE: "leadership",
  PORTFOLIO_MANAGER: "portfolio",
  PROJECT_MANAGER: "my-work",
  CLINICAL_CHAMPION: "my-feedback",
  VIEWER: "objectives",
};

export interface NavItem {
  key: PageKey;
  href: string;
  label: string;
}

export function canViewPage(role: Role, page: PageKey): boolean {
  return PAGES[page].roles.includes(role);
}

export function landingPageFor(role: Role): PageKey {
  return LANDING[role];
}

export function landingPathFor(role: Role): string {
  return PAGES[LANDING[role]].href;
}

/** The role's menu: its landing page first, then the other pages it may open, in a fixed order. */
export function navigationFor(role: Role): NavItem[] {
  const items: NavItem[] = [];
  for (const [key, rule] of Object.entries(PAGES) as [PageKey, PageRule][]) {
    if (rule.label && rule.roles.includes(role)) items.push({ key, href: rule.href, label: rule.label });
  }
  const landing = LANDING[role];
  return [...items.filter((i) => i.key === landing), ...items.filter((i) => i.key !== landing)];
}

/**
 * The menu entry to mark as current for a path: the item whose href is the path or one of its
 * parents. A project page belongs to the portfolio, where its link came from.
 */
export function activeNavHref(pathname: string, items: readonly NavItem[]): string | undefined {
  const path = pathname.startsWith(`${PAGES.project.href}/`) ? PAGES.portfolio.href : pathname;
  return items.find((item) => path === item.href || path.startsWith(`${item.href}/`))?.href;
}

/**
 * A list page's URL for another page number, keeping its other parameters (filters) and leaving
 * out empty ones; page 1 is the bare URL.
 */
export function pageHref(path: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key !== "page" && value) search.set(key, value);
  }
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
