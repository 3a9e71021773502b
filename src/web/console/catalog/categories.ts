import { useQuery, useQueryClient } from '@tanstack/react-query';
import { bazaar, call } from '../api.ts';
import type { Answer } from '../types.ts';

export type Category = Answer<'/api/v1/admin/categories'>['items'][number];

export function useCategories() {
  return useQuery({
    queryKey: ['/admin/categories'],
    queryFn: () => call(() => bazaar.GET('/api/v1/admin/categories')),
  });
}

export function useCategoriesChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['/admin/categories'] });
}

/** The categories in tree order (each parent, then its children in their order), with their siblings. */
export function treeOrder(all: Category[]): Array<{ category: Category; siblings: Category[] }> {
  const children = (parentId: string | null) => all.filter((c) => c.parentId === parentId);
  const walk = (parentId: string | null): Array<{ category: Category; siblings: Category[] }> => {
    const siblings = children(parentId);
    return siblings.flatMap((category) => [{ category, siblings }, ...walk(category.id)]);
  };
  return walk(null);
}

/** The choices of a parent: none (a root), or any category but `except` and those below it. */
export function parentOptions(all: Category[], except?: string): Array<[string, string]> {
  const below = (c: Category): boolean =>
    c.id === except || (c.parentId !== null && below(all.find((p) => p.id === c.parentId)!));
  return [
    ['', 'None (a top category)'],
    ...treeOrder(all)
      .filter(({ category }) => !except || !below(category))
      .map(({ category: c }): [string, string] => [c.id, `${'— '.repeat(c.depth - 1)}${c.name}`]),
  ];
}
