import { FilterForm, FilterSearch, FilterSelect } from "@/components/forms/filter-form";
import { SECURITY_ACTIONS } from "@/lib/auth/security-log";
import { SECURITY_ACTION_LABEL } from "@/lib/domain/labels";

export interface SecurityLogFilterValues {
  action?: string;
  q?: string;
}

export function hasSecurityLogFilters(values: SecurityLogFilterValues): boolean {
  return Boolean(values.action || values.q);
}

const ACTION_OPTIONS = SECURITY_ACTIONS.map((action) => ({
  value: action,
  label: SECURITY_ACTION_LABEL[action] ?? action,
}));

export function SecurityLogFilters({ values }: { values: SecurityLogFilterValues }) {
  return (
    <FilterForm
      action="/admin/security-log"
      label="Filter the security log"
      values={{ action: values.action, q: values.q }}
      gridClassName="sm:grid-cols-2 lg:grid-cols-[1fr_2fr_auto]"
      submitLabel="Filter"
      clearLabel="Clear"
    >
      <FilterSelect
        id="security-action"
        name="action"
        label="Event"
        value={values.action}
        anyLabel="All events"
        options={ACTION_OPTIONS}
      />
      <FilterSearch
        id="security-q"
        name="q"
        label="Person or email"
        value={values.q}
        placeholder="e.g. Okafor, or an email a failed sign-in tried"
      />
    </FilterForm>
  );
}
