import { EmptyState } from '@/components/ui/EmptyState';
import { UsersIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';

export function AdminUsersPage() {
  return (
    <>
      <PageTitle title="Users & API keys" />
      <PageHeader title="Users & API keys" description="Accounts, roles and integrator API keys." />
      <EmptyState title="User and API key management is on its way" icon={<UsersIcon />}>
        Inviting users, changing roles and issuing API keys arrives in a later version.
      </EmptyState>
    </>
  );
}
