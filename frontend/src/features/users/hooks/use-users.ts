import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { userKeys, usersApi } from '../api';
import type { ManagedUser, NewUser, UserChanges } from '../types';

export function useUsers() {
  return useQuery({ queryKey: userKeys.list, queryFn: ({ signal }) => usersApi.list(signal) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation<ManagedUser, Error, NewUser>({
    mutationFn: usersApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<ManagedUser, Error, { id: string; changes: UserChanges }>({
    mutationFn: ({ id, changes }) => usersApi.update(id, changes),
    onSuccess: (updated) => {
      queryClient.setQueryData<ManagedUser[]>(userKeys.list, (users) =>
        users?.map((user) => (user.id === updated.id ? updated : user)),
      );
      return queryClient.invalidateQueries({ queryKey: userKeys.list });
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: usersApi.delete,
    onSuccess: (_result, id) => {
      queryClient.setQueryData<ManagedUser[]>(userKeys.list, (users) => users?.filter((user) => user.id !== id));
      return queryClient.invalidateQueries({ queryKey: userKeys.list });
    },
  });
}
