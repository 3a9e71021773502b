/**
 * Sizes a newcomer can read in a sitting: production files up to 500 lines, functions up to 60
 * (route tables, the `…Routes` functions whose length is their route declarations, excepted).
 * Measured with the TypeScript parser: every function, method and arrow function, first line to last.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 500;
export const MAX_FUNCTION_LINES = 60;
const WRAPPER_SLACK = 12;

export interface Oversize {
  where: string;
  name: string;
  lines: number;
}

/** Production files (not tests, not declarations) under `dir` longer than MAX_FILE_LINES. */
export function longFiles(root: string, dir = 'src'): Oversize[] {
  return productionFiles(join(root, dir))
    .map((file) => ({ where: rel(root, file), name: '', lines: lineCount(readFileSync(file, 'utf8')) }))
    .filter((f) => f.lines > MAX_FILE_LINES);
}

/** Functions in production files under `dir` longer than MAX_FUNCTION_LINES, route tables aside. */
export function longFunctions(root: string, dir = 'src'): Oversize[] {
  return productionFiles(join(root, dir)).flatMap((file) =>
    longFunctionsIn(rel(root, file), readFileSync(file, 'utf8')),
  );
}

/** The long functions of one source text; a function inside a route table counts on its own. */
export function longFunctionsIn(where: string, text: string): Oversize[] {
  const source = ts.createSourceFile(where, text, ts.ScriptTarget.Latest, true);
  const found: Oversize[] = [];
  // A wrapper and the function it wraps (a method returning one big arrow) count once: a nested
  // function within WRAPPER_SLACK lines of its long parent's length is the same function.
  const visit = (node: ts.Node, insideRouteTable: boolean, parentLines: number) => {
    let inRoutes = insideRouteTable;
    let lines = parentLines;
    if (isFunction(node)) {
      const name = functionName(node);
      lines = spanOf(source, node);
      const wrapped = parentLines - lines <= WRAPPER_SLACK;
      if (/Routes$/.test(name) || (insideRouteTable && wrapped)) inRoutes = true;
      else if (lines > MAX_FUNCTION_LINES && !wrapped)
        found.push({ where: `${where}:${lineOf(source, node)}`, name, lines });
    }
    ts.forEachChild(node, (child) => visit(child, inRoutes, lines));
  };
  visit(source, false, Number.POSITIVE_INFINITY);
  return found;
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.MethodDeclaration
  | ts.ArrowFunction
  | ts.FunctionExpression
  | ts.ConstructorDeclaration;

function isFunction(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node)
  );
}

function functionName(node: FunctionNode): string {
  if (node.name) return node.name.getText();
  if (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent))
    return node.parent.name.getText();
  return '(anonymous)';
}

function spanOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getEnd()).line - lineOf(source, node) + 2;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

function productionFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...productionFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
      files.push(path);
  }
  return files;
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
