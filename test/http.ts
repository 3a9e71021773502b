export { api } from './kit/index.ts';
