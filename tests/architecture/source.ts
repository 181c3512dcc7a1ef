/**
 * Reading the tree as the architecture test sees it: the source files git knows (tracked, or
 * new and not ignored), each file's relative imports resolved to repository paths, and its
 * functions with their lengths, from TypeScript's own parser.
 *
 * @module
 */
import ts from "typescript";
import { posix } from "node:path";
import { REPO_ROOT } from "../../harness/core/paths.ts";

/** Extensions that count as source code (documentation and data do not). */
const SOURCE = /\.(ts|tsx|js|css|py|wat|sh)$/;

/** Every source file of the repository, as repository-relative paths. */
export async function sourceFiles(): Promise<string[]> {
  const out = await new Deno.Command("git", {
    args: ["ls-files", "--cached", "--others", "--exclude-standard"],
    cwd: REPO_ROOT,
    stdout: "piped",
  }).output();
  const files = new TextDecoder().decode(out.stdout).split("\n").filter(Boolean);
  const present = await Promise.all(
    files.map((f) => Deno.stat(`${REPO_ROOT}/${f}`).then(() => f, () => null)),
  );
  return present.filter((f): f is string => f !== null && SOURCE.test(f));
}

/** A file's text, by repository path. */
export function readSource(path: string): Promise<string> {
  return Deno.readTextFile(`${REPO_ROOT}/${path}`);
}

/** One relative import of a file: where it points, resolved, and the line it is on. */
export interface Import {
  target: string;
  line: number;
}

/** A function and its length in lines. */
export interface FunctionSpan {
  name: string;
  line: number;
  lines: number;
}

function parse(path: string, text: string): ts.SourceFile {
  const kind = path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

/**
 * The relative imports of a TypeScript file: static imports and re-exports, dynamic
 * `import("./x")`, and `new URL("./x.ts", import.meta.url)` (how Workers are started).
 */
export function importsOf(path: string, text: string): Import[] {
  const sf = parse(path, text);
  const found: Import[] = [];
  const add = (spec: string, node: ts.Node) => {
    if (!spec.startsWith("./") && !spec.startsWith("../")) return;
    const target = posix.normalize(posix.join(posix.dirname(path), spec));
    found.push({ target, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, node);
    } else if (
      ts.isNewExpression(node) && node.expression.getText(sf) === "URL" &&
      node.arguments?.length === 2 && ts.isStringLiteralLike(node.arguments[0]) &&
      node.arguments[1].getText(sf) === "import.meta.url" &&
      /\.tsx?$/.test(node.arguments[0].text)
    ) {
      add(node.arguments[0].text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every function, method, accessor and arrow function of a file, with its length in lines. */
export function functionsOf(path: string, text: string): FunctionSpan[] {
  const sf = parse(path, text);
  const found: FunctionSpan[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = lineOf(node.getStart(sf));
      const name = node.name ? node.name.getText(sf) : `(anonymous at ${start})`;
      found.push({ name, line: start, lines: lineOf(node.getEnd()) - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
