import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { mosaicKeys, mosaicsApi } from '../api';
import { useMosaicStore } from '../store';
import type { CreateMosaicInput, Mosaic } from '../types';

const byName = (a: Mosaic, b: Mosaic) => a.name.localeCompare(b.name, undefined, { numeric: true });

function updateList(queryClient: QueryClient, change: (list: Mosaic[]) => Mosaic[]): Mosaic[] {
  const next = change(queryClient.getQueryData<Mosaic[]>(mosaicKeys.list) ?? []);
  queryClient.setQueryData(mosaicKeys.list, next);
  return next;
}

/** The signed-in user's mosaics, sorted by name. */
export function useMosaics() {
  return useQuery({ queryKey: mosaicKeys.list, queryFn: mosaicsApi.list });
}

/** Creates a mosaic and shows it. */
export function useCreateMosaic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMosaicInput) => mosaicsApi.create(input),
    onSuccess: (created) => {
      updateList(queryClient, (list) => [...list.filter((m) => m.id !== created.id), created].sort(byName));
      useMosaicStore.getState().selectMosaic(created);
    },
  });
}

export function useRenameMosaic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => mosaicsApi.update(id, { name }),
    // Only the name: the tiles in this answer may be older than a save still on its way.
    onSuccess: (renamed) =>
      updateList(queryClient, (list) =>
        list.map((m) => (m.id === renamed.id ? { ...m, name: renamed.name } : m)).sort(byName),
      ),
  });
}

/** Deletes a mosaic; when it was on screen, the next one takes its place. */
export function useDeleteMosaic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => mosaicsApi.remove(id),
    onSuccess: (_nothing, id) => {
      const remaining = updateList(queryClient, (list) => list.filter((m) => m.id !== id));
      useMosaicStore.getState().syncMosaics(remaining);
    },
  });
}

/** Keeps the mosaic on screen in step with the user's list (first load, deletions elsewhere). */
export function useActiveMosaicSync(mosaics: readonly Mosaic[] | undefined): void {
  const syncMosaics = useMosaicStore((s) => s.syncMosaics);
  useEffect(() => {
    if (mosaics) syncMosaics(mosaics);
  }, [mosaics, syncMosaics]);
}
