import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Abi, Hex } from 'viem';

/** Compiled contract as written to `contracts/out/<Name>.json`. */
export type Artifact = {
  contractName: string;
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  sourceHash: string;
  solcVersion: string;
};

/** Outcome of a build; `compiled` is false when the artifacts were already up to date. */
export type BuildResult = {
  compiled: boolean;
  contractNames: string[];
  sourceHash: string;
  solcVersion: string;
};

const ROOT = resolve(import.meta.dirname, '..');
const SRC_DIR = join(ROOT, 'contracts/src');
const OUT_DIR = join(ROOT, 'contracts/out');
const ABI_DIR = join(ROOT, 'contracts/abi');
const require = createRequire(import.meta.url);

const SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
} as const;

type SolcContract = { abi: Abi; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } };
type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, SolcContract>>;
};

/** `quiet` hides solc warnings; `force` compiles even when the artifacts are up to date. */
export type BuildOptions = { quiet?: boolean; force?: boolean };

/** Compiles `contracts/src/*.sol` with solc-js unless `contracts/out` already matches the sources. */
export async function buildContracts(options: BuildOptions = {}): Promise<BuildResult> {
  const sources = readSources();
  const fileNames = Object.keys(sources);
  const sourceHash = hashSources(sources);
  const cached = options.force ? undefined : await readUpToDate(fileNames, sourceHash);
  if (cached) {
    return { compiled: false, contractNames: fileNames.map(contractNameOf), sourceHash, solcVersion: cached };
  }

  const { default: solc } = await import('solc');
  const input = {
    language: 'Solidity',
    sources: mapValues(sources, (content) => ({ content })),
    settings: SETTINGS,
  };
  const output: SolcOutput = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const problems = output.errors ?? [];
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new Error(`contracts/build: solc failed\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  if (!options.quiet) for (const p of problems) console.warn(p.formattedMessage);

  const solcVersion: string = solc.version();
  await Promise.all([mkdir(OUT_DIR, { recursive: true }), mkdir(ABI_DIR, { recursive: true })]);
  const contractNames: string[] = [];
  for (const fileName of fileNames) {
    for (const [contractName, compiled] of Object.entries(output.contracts?.[fileName] ?? {})) {
      const artifact: Artifact = {
        contractName,
        abi: compiled.abi,
        bytecode: `0x${compiled.evm.bytecode.object}`,
        deployedBytecode: `0x${compiled.evm.deployedBytecode.object}`,
        sourceHash,
        solcVersion,
      };
      await writeAtomic(join(OUT_DIR, `${contractName}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
      await writeAtomic(join(ABI_DIR, `${contractName}.ts`), abiModule(contractName, compiled.abi));
      contractNames.push(contractName);
    }
  }
  return { compiled: true, contractNames, sourceHash, solcVersion };
}

function readSources(): Record<string, string> {
  const files = readdirSync(SRC_DIR)
    .filter((f) => f.endsWith('.sol'))
    .sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(SRC_DIR, f), 'utf8')]));
}

// The hash covers every input that changes bytecode: our sources, the compiler, its settings and OpenZeppelin.
function hashSources(sources: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, content] of Object.entries(sources)) hash.update(`${name}\0${content}\0`);
  hash.update(require('solc/package.json').version);
  hash.update(require('@openzeppelin/contracts/package.json').version);
  hash.update(JSON.stringify(SETTINGS));
  return `0x${hash.digest('hex')}`;
}

/** Returns the recorded solc version when every artifact and ABI file exists with the same source hash. */
async function readUpToDate(fileNames: string[], sourceHash: string): Promise<string | undefined> {
  let solcVersion: string | undefined;
  for (const name of fileNames.map(contractNameOf)) {
    const artifactPath = join(OUT_DIR, `${name}.json`);
    if (!existsSync(artifactPath) || !existsSync(join(ABI_DIR, `${name}.ts`))) return undefined;
    const artifact: Artifact = JSON.parse(await readFile(artifactPath, 'utf8'));
    if (artifact.sourceHash !== sourceHash) return undefined;
    solcVersion = artifact.solcVersion;
  }
  return solcVersion;
}

function findImport(path: string): { contents: string } | { error: string } {
  const file = path.startsWith('@') ? join(ROOT, 'node_modules', path) : join(SRC_DIR, path);
  return existsSync(file) ? { contents: readFileSync(file, 'utf8') } : { error: `File not found: ${path}` };
}

// Renders the ABI the way Biome formats it, so the committed file passes `biome check` untouched.
function abiModule(contractName: string, abi: Abi): string {
  const constName = `${contractName[0]!.toLowerCase()}${contractName.slice(1)}Abi`;
  return `// Generated by contracts/build.ts from contracts/src; do not edit.\nexport const ${constName} = ${render(abi, '')} as const;\n`;
}

function render(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${render(v, inner)},\n`).join('')}${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${renderKey(k)}: ${render(v, inner)},\n`).join('')}${indent}}`;
  }
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return String(value);
}

function renderKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : render(key, '');
}

function contractNameOf(fileName: string): string {
  return basename(fileName, '.sol');
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

// Parallel test workers may build at once: write to a temp file and rename so readers never see half a file.
async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const result = await buildContracts();
  const took = Math.round(performance.now() - started);
  const verb = result.compiled ? `compiled with solc ${result.solcVersion}` : 'up to date';
  console.log(
    `contracts: ${result.contractNames.join(', ')} ${verb} (${result.sourceHash.slice(0, 10)}, ${took} ms)`,
  );
}
