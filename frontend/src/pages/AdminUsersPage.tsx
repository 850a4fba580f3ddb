import { PageHeader } from '@/components/ui/PageHeader';
import { PageTitle } from '@/components/ui/PageTitle';
import { ApiKeysSection } from '@/features/api-keys/components/ApiKeysSection';
import { UsersSection } from '@/features/users/components/UsersSection';

export function AdminUsersPage() {
  return (
    <>
      <PageTitle title="Users & API keys" />
      <PageHeader title="Users & API keys" description="Accounts, roles and integrator API keys." />
      <div className="space-y-10">
        <UsersSection />
        <ApiKeysSection />
      </div>
    </>
  );
}
