import { describe, expect, it } from "vitest";
import { Role } from "@/generated/prisma/enums";
import {
  activeNavHref,
  canViewPage,
  landingPageFor,
  landingPathFor,
  navigationFor,
  type PageKey,
  pageHref,
} from "@/lib/navigation";

const ROLES = Object.values(Role);

describe("landing pages", () => {
  it.each([
    ["ADMIN", "/admin/users"],
    ["EXECUTIVE", "/leadership"],
    ["PORTFOLIO_MANAGER", "/portfolio"],
    ["PROJECT_MANAGER", "/my-work"],
    ["CLINICAL_CHAMPION", "/my-feedback"],
    ["VIEWER", "/objectives"],
  ] as const)("%s lands on %s", (role, path) => {
    expect(landingPathFor(role)).toBe(path);
  });

  it("every role may open its own landing page, and it comes first in its menu", () => {
    for (const role of ROLES) {
      expect(canViewPage(role, landingPageFor(role))).toBe(true);
      expect(navigationFor(role)[0]?.href).toBe(landingPathFor(role));
    }
  });
});

describe("the menu and the page checks agree", () => {
  it("offers exactly the listed pages that the role may open, each once", () => {
    const listed: PageKey[] = [
      "leadership",
      "my-work",
      "my-feedback",
      "approvals",
      "portfolio",
      "objectives",
      "admin-users",
      "admin-sites",
      "admin-settings",
      "admin-security-log",
    ];
    for (const role of ROLES) {
      const keys = navigationFor(role).map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.toSorted()).toEqual(listed.filter((page) => canViewPage(role, page)).toSorted());
    }
  });

  it("never lists a single project page in the menu", () => {
    for (const role of ROLES) expect(navigationFor(role).some((item) => item.key === "project")).toBe(false);
  });
});

describe("who may open what", () => {
  it("lets every role read the portfolio, the objectives and any project", () => {
    for (const role of ROLES) {
      expect(canViewPage(role, "portfolio")).toBe(true);
      expect(canViewPage(role, "objectives")).toBe(true);
      expect(canViewPage(role, "project")).toBe(true);
    }
  });

  it("keeps user administration to administrators", () => {
    expect(ROLES.filter((role) => canViewPage(role, "admin-users"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((role) => canViewPage(role, "admin-sites"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((role) => canViewPage(role, "admin-settings"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((role) => canViewPage(role, "admin-security-log"))).toEqual(["ADMIN"]);
  });

  it("lets everyone see and end their own sessions", () => {
    for (const role of ROLES) expect(canViewPage(role, "account-sessions")).toBe(true);
  });

  it("keeps the administrator's own pages together, users first", () => {
    expect(navigationFor("ADMIN").map((item) => item.label)).toEqual([
      "Users",
      "Leadership",
      "My work",
      "My feedback",
      "Portfolio",
      "Objectives",
      "Sites",
      "Settings",
      "Security log",
    ]);
  });

  it("shows the leadership overview to executives, the PMO, administrators and board viewers only", () => {
    expect(ROLES.filter((role) => canViewPage(role, "leadership")).toSorted()).toEqual(
      ["ADMIN", "EXECUTIVE", "PORTFOLIO_MANAGER", "VIEWER"].toSorted(),
    );
  });

  it("keeps read-only viewers away from personal work pages", () => {
    expect(canViewPage("VIEWER", "my-work")).toBe(false);
    expect(canViewPage("VIEWER", "my-feedback")).toBe(false);
  });

  it("gives project managers their work and champions their feedback", () => {
    expect(canViewPage("PROJECT_MANAGER", "my-work")).toBe(true);
    expect(canViewPage("CLINICAL_CHAMPION", "my-feedback")).toBe(true);
    expect(canViewPage("CLINICAL_CHAMPION", "my-work")).toBe(false);
  });

  it("shows a project manager a short menu that fits the job", () => {
    expect(navigationFor("PROJECT_MANAGER").map((item) => item.label)).toEqual([
      "My work",
      // Their requests waiting for others, and rebaselines they decide as a project's Accountable.
      "Approvals",
      "Portfolio",
      "Objectives",
    ]);
  });
});

describe("marking the current page", () => {
  const items = navigationFor("ADMIN");

  it("marks the item for the path itself and for pages below it", () => {
    expect(activeNavHref("/portfolio", items)).toBe("/portfolio");
    expect(activeNavHref("/admin/users", items)).toBe("/admin/users");
    expect(activeNavHref("/admin/users/123", items)).toBe("/admin/users");
  });

  it("marks the portfolio while reading a project", () => {
    expect(activeNavHref("/projects/EPR-001", items)).toBe("/portfolio");
  });

  it("does not confuse paths that only share a prefix", () => {
    expect(activeNavHref("/portfolio-archive", items)).toBeUndefined();
    expect(activeNavHref("/", items)).toBeUndefined();
  });
});

describe("links between pages of a list", () => {
  it("keeps the filters, drops empty ones and leaves page 1 out", () => {
    const filters = { stage: "PILOT", kind: undefined, site: "", q: "ePMA rollout" };
    expect(pageHref("/portfolio", filters, 2)).toBe("/portfolio?stage=PILOT&q=ePMA+rollout&page=2");
    expect(pageHref("/portfolio", filters, 1)).toBe("/portfolio?stage=PILOT&q=ePMA+rollout");
    expect(pageHref("/admin/users", {}, 1)).toBe("/admin/users");
  });

  it("replaces rather than repeats the page parameter", () => {
    expect(pageHref("/my-feedback", { page: "4" }, 3)).toBe("/my-feedback?page=3");
  });
});
