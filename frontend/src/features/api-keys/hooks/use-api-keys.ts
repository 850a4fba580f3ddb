import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiKeyKeys, apiKeysApi } from '../api';
import type { CreatedApiKey } from '../types';

export function useApiKeys() {
  return useQuery({ queryKey: apiKeyKeys.list, queryFn: ({ signal }) => apiKeysApi.list(signal) });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiKey, Error, string>({
    mutationFn: apiKeysApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: apiKeysApi.revoke,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }),
  });
}
