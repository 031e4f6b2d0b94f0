// The choices of role and discipline, in the vocabulary's order and the labels' words, shared by
// the forms that create an account and change one.
import type { Option } from "@/components/forms/fields";
import { DISCIPLINE_LABEL, ROLE_LABEL } from "@/lib/domain/labels";
import { DISCIPLINES, ROLES } from "@/lib/domain/vocabulary";

export const ROLE_OPTIONS: readonly Option[] = ROLES.map((role) => ({
  value: role,
  label: ROLE_LABEL[role],
}));

export const DISCIPLINE_OPTIONS: readonly Option[] = DISCIPLINES.map((discipline) => ({
  value: discipline,
  label: DISCIPLINE_LABEL[discipline],
}));

export const ROLE_HINT =
  "What they may do everywhere: administrators keep accounts and settings; executives decide gates; viewers only read.";

export const DISCIPLINE_HINT =
  "Clinical colleagues can be a project's clinical champion when they hold an R or C on it.";
