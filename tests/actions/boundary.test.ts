// The "use server" modules are the app's public write surface: each must export exactly the
// actions we mean to expose, and each must refuse a caller without a session before doing
// anything. The session library is replaced by an anonymous one; the actions are our real code.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// A same-origin request (no Origin header) without a session cookie, so act() goes on to read the
// session and finds none.
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, delete: () => undefined }),
}));

type ActionModule = Record<string, (state: null, form: FormData) => Promise<unknown>>;

const MODULES: Record<string, { load: () => Promise<unknown>; exports: string[] }> = {
  "projects/[code]/actions": {
    load: () => import("@/app/(app)/projects/[code]/actions"),
    exports: [
      "acceptFeedbackAnswerAction",
      "acknowledgeFeedbackAction",
      "alignProjectAction",
      "approveMilestoneGateAction",
      "assignRaciAction",
      "cancelMilestoneAction",
      "changeMilestoneForecastAction",
      "changeProjectStageAction",
      "closeFeedbackAction",
      "completeMilestoneAction",
      "correctMetricValueAction",
      "createMilestoneAction",
      "createRiskAction",
      "decideRebaselineAction",
      "decideStageGateAction",
      "handOverAccountableAction",
      "logFeedbackAction",
      "recordCostEntryAction",
      "recordMetricValueAction",
      "removeAlignmentAction",
      "removeRaciAction",
      "reopenFeedbackAction",
      "requestRebaselineAction",
      "requestStageGateAction",
      "requestScopeChangeAction",
      "respondToFeedbackAction",
      "reverseCostEntryAction",
      "updateProjectAction",
      "updateRiskAction",
      "withdrawStageGateAction",
    ],
  },
  "objectives/actions": {
    load: () => import("@/app/(app)/objectives/actions"),
    exports: ["createObjectiveAction", "defineMetricAction", "updateMetricAction", "updateObjectiveAction"],
  },
  "portfolio/actions": {
    load: () => import("@/app/(app)/portfolio/actions"),
    exports: ["createProjectAction"],
  },
  "leadership/actions": {
    load: () => import("@/app/(app)/leadership/actions"),
    exports: ["recordDecisionAction"],
  },
  "admin/users/actions": {
    load: () => import("@/app/(app)/admin/users/actions"),
    exports: [
      "changeUserRoleAction",
      "createUserAction",
      "deactivateUserAction",
      "reactivateUserAction",
      "resetPasswordAction",
      "setSroEligibilityAction",
    ],
  },
  "admin/users/[id]/mfa-actions": {
    load: () => import("@/app/(app)/admin/users/[id]/mfa-actions"),
    exports: ["resetMfaAction"],
  },
  "account/security/actions": {
    load: () => import("@/app/(app)/account/security/actions"),
    exports: [
      "beginMfaEnrolmentAction",
      "confirmMfaAction",
      "disableMfaAction",
      "regenerateRecoveryCodesAction",
    ],
  },
  "account/password/actions": {
    load: () => import("@/app/(app)/account/password/actions"),
    exports: ["changePasswordAction"],
  },
  // The steps owed right after signing in: only a session that owes them may take them.
  "signin/actions": {
    load: () => import("@/app/signin/actions"),
    exports: ["choosePasswordAction", "confirmRequiredMfaAction", "restartRequiredMfaAction"],
  },
  "admin/settings/actions": {
    load: () => import("@/app/(app)/admin/settings/actions"),
    exports: ["addHolidayAction", "removeHolidayAction", "updateOrganisationSettingsAction"],
  },
  "account/sessions/actions": {
    load: () => import("@/app/(app)/account/sessions/actions"),
    exports: ["endUserSessionsAction", "signOutEverywhereAction"],
  },
  "admin/sites/actions": {
    load: () => import("@/app/(app)/admin/sites/actions"),
    exports: ["createSiteAction", "updateSiteAction"],
  },
};

describe.each(Object.entries(MODULES))("%s", (_name, module) => {
  it("exports exactly the intended actions", async () => {
    expect(Object.keys((await module.load()) as object).sort()).toEqual([...module.exports].sort());
  });

  it.each(module.exports)("%s refuses an anonymous caller", async (name) => {
    const actions = (await module.load()) as ActionModule;
    const form = new FormData();
    form.set("projectId", "6f1c1f0e-0000-4000-8000-000000000000");
    await expect(actions[name]?.(null, form)).resolves.toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
