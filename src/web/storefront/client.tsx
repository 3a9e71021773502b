/** @jsxImportSource preact */
// The storefront's script: hydrates the islands the server rendered, with the props it wrote.
import { hydrate } from 'preact';
import { type IslandName, islands } from './islands.tsx';
import './storefront.css';

for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const Island = islands[element.dataset.island as IslandName];
  if (!Island) continue;
  const props = JSON.parse(element.dataset.props ?? '{}');
  // biome-ignore lint/suspicious/noExplicitAny: each island takes the props the server wrote for it
  hydrate(<Island {...(props as any)} />, element);
}
