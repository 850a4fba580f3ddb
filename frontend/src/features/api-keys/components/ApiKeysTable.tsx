import { Button } from '@/components/ui/Button';
import { DataTable } from '@/components/ui/DataTable';
import { formatLastUsed, keyPrefix, keyStatus } from '../key-display';
import type { ApiKey } from '../types';

export interface ApiKeysTableProps {
  keys: ApiKey[];
  /** Reference time for "last used 3 hours ago". */
  now: number;
  onRevoke: (key: ApiKey) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ApiKeysTable({ keys, now, onRevoke }: ApiKeysTableProps) {
  return (
    <DataTable
      caption="API keys, newest first"
      className="min-w-[42rem]"
      columns={['Name', 'Key', 'Created', 'Last used', 'Status', { label: 'Actions', srOnly: true }]}
    >
      {keys.map((key) => {
        const revoked = keyStatus(key) === 'revoked';
        return (
          <tr key={key.id} data-testid="api-key-row" className={revoked ? 'text-slate-500' : 'text-slate-300'}>
            <th scope="row" className={`px-3 py-2 text-left font-medium ${revoked ? '' : 'text-slate-100'}`}>
              {key.name}
            </th>
            <td className="px-3 py-2 font-mono text-xs">{keyPrefix(key.id)}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={key.createdAt} title={dateTimeFormat.format(new Date(key.createdAt))}>
                {dateFormat.format(new Date(key.createdAt))}
              </time>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {key.lastUsedAt ? (
                <time dateTime={key.lastUsedAt} title={dateTimeFormat.format(new Date(key.lastUsedAt))}>
                  {formatLastUsed(key.lastUsedAt, now)}
                </time>
              ) : (
                'Never'
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {key.revokedAt ? (
                <span className="rounded-full bg-slate-800 px-2 py-0.5 text-xs text-slate-400">
                  Revoked{' '}
                  <time dateTime={key.revokedAt} title={dateTimeFormat.format(new Date(key.revokedAt))}>
                    {dateFormat.format(new Date(key.revokedAt))}
                  </time>
                </span>
              ) : (
                <span className="rounded-full bg-emerald-950 px-2 py-0.5 text-xs text-emerald-300">Active</span>
              )}
            </td>
            <td className="px-3 py-2 text-right">
              {!revoked && (
                <Button
                  variant="secondary"
                  className="px-2.5! py-1.5! text-xs! text-rose-300!"
                  aria-label={`Revoke ${key.name}`}
                  onClick={() => onRevoke(key)}
                >
                  Revoke
                </Button>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
