import { FilterForm, FilterSearch, FilterSelect } from "@/components/forms/filter-form";
import { ROLE_LABEL } from "@/lib/domain/labels";
import { ROLES, type Role } from "@/lib/domain/vocabulary";

export interface UserFilterValues {
  q?: string;
  role?: Role;
  status?: "active" | "deactivated";
}

export function hasUserFilters(values: UserFilterValues): boolean {
  return Boolean(values.q || values.role || values.status);
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }));
const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "deactivated", label: "Deactivated" },
];

export function UserFilters({ values }: { values: UserFilterValues }) {
  return (
    <FilterForm
      action="/admin/users"
      label="Find users"
      values={{ q: values.q, role: values.role, status: values.status }}
      gridClassName="sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      submitLabel="Find"
      clearLabel="Clear"
    >
      <FilterSearch
        id="users-q"
        name="q"
        label="Name or email"
        value={values.q}
        placeholder="e.g. Okafor or pm@"
      />
      <FilterSelect
        id="users-role"
        name="role"
        label="Role"
        value={values.role}
        anyLabel="All roles"
        options={ROLE_OPTIONS}
      />
      <FilterSelect
        id="users-status"
        name="status"
        label="Status"
        value={values.status}
        anyLabel="Active and deactivated"
        options={STATUS_OPTIONS}
      />
    </FilterForm>
  );
}
