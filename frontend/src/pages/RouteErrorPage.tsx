import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { PageTitle } from '@/components/ui/PageTitle';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return 'Unknown error';
}

/** Shown when a page fails to render or its code fails to load (after a deploy, say). */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12">
      <PageTitle title="Error" />
      <h1 className="text-lg font-semibold text-slate-100">This page could not be shown</h1>
      <ErrorAlert>{describe(error)}</ErrorAlert>
      <Button onClick={() => window.location.reload()}>Reload the page</Button>
    </div>
  );
}
