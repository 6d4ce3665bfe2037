/**
 * `npm run audit`: `npm audit` over every installed package (shipped and tooling), failing on a
 * high or critical advisory unless scripts/audit-exceptions.json explains why it does not apply.
 *
 * When the advisory database cannot be reached (some registries and mirrors refuse npm's bulk
 * advisory request), nothing has been checked: the script says so and exits 3, or 0 with
 * `--allow-unreachable` (what CI uses, so that a machine without the database does not block the
 * build while one with it still gates it). docs/dependencies.md keeps the last review by hand.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface AuditException {
  /** The advisory's URL or GHSA id, as npm audit reports it in `via[].url`. */
  advisory: string;
  package: string;
  why: string;
}

export interface Finding {
  package: string;
  severity: Severity;
  title: string;
  advisory: string;
  range: string;
}

export type AuditVerdict =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'checked'; counts: Record<Severity, number>; blocking: Finding[]; excepted: Array<Finding & { why: string }> };

const SEVERITIES: Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];
const BLOCKING = new Set<Severity>(['high', 'critical']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSeverity(value: unknown): Severity | null {
  return typeof value === 'string' && (SEVERITIES as string[]).includes(value) ? (value as Severity) : null;
}

/** The GHSA id in an advisory URL, or the URL itself. */
export function advisoryId(url: string): string {
  return /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(url)?.[0]?.toUpperCase() ?? url;
}

/**
 * Reads the output of `npm audit --json` (report version 2). Only advisories themselves count
 * (`via` entries that are objects); a package listed because one of its dependencies is vulnerable
 * is reported through that dependency.
 */
export function judgeAudit(outputText: string, exceptions: AuditException[]): AuditVerdict {
  let report: unknown;
  try {
    report = JSON.parse(outputText);
  } catch {
    return { kind: 'unreachable', reason: `npm audit printed no JSON report: ${outputText.trim().slice(0, 200) || '(nothing)'}` };
  }
  if (!isRecord(report)) return { kind: 'unreachable', reason: 'npm audit printed something other than a report' };
  if (!isRecord(report.vulnerabilities) || !isRecord(report.metadata)) {
    const message = typeof report.message === 'string' ? report.message : isRecord(report.error) && typeof report.error.summary === 'string' ? report.error.summary : 'no vulnerabilities section';
    return { kind: 'unreachable', reason: `the advisory database could not be read (${message})` };
  }
  const findings = new Map<string, Finding>();
  for (const entry of Object.values(report.vulnerabilities)) {
    if (!isRecord(entry) || !Array.isArray(entry.via)) continue;
    for (const via of entry.via) {
      if (!isRecord(via)) continue;
      const severity = asSeverity(via.severity);
      const pkg = typeof via.name === 'string' ? via.name : typeof entry.name === 'string' ? entry.name : '?';
      const url = typeof via.url === 'string' ? via.url : String(via.source ?? '');
      if (!severity) continue;
      const finding: Finding = { package: pkg, severity, title: typeof via.title === 'string' ? via.title : '', advisory: advisoryId(url), range: typeof via.range === 'string' ? via.range : '' };
      findings.set(`${pkg} ${finding.advisory}`, finding);
    }
  }
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const blocking: Finding[] = [];
  const excepted: Array<Finding & { why: string }> = [];
  for (const finding of findings.values()) {
    counts[finding.severity]++;
    if (!BLOCKING.has(finding.severity)) continue;
    const exception = exceptions.find((e) => e.package === finding.package && advisoryId(e.advisory) === finding.advisory);
    if (exception) excepted.push({ ...finding, why: exception.why });
    else blocking.push(finding);
  }
  return { kind: 'checked', counts, blocking, excepted };
}

/** Checks the exceptions file: every entry names an advisory, a package and a reason. */
export function parseExceptions(text: string): AuditException[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('audit exceptions: expected a JSON array');
  return data.map((item, i) => {
    if (!isRecord(item) || typeof item.advisory !== 'string' || typeof item.package !== 'string' || typeof item.why !== 'string' || !item.why.trim()) {
      throw new Error(`audit exceptions: entry ${i} needs "advisory", "package" and a non-empty "why"`);
    }
    return { advisory: item.advisory, package: item.package, why: item.why };
  });
}

export function formatVerdict(verdict: AuditVerdict): string {
  if (verdict.kind === 'unreachable') {
    return `npm audit: NOT CHECKED: ${verdict.reason}.\nSee docs/dependencies.md for the last review by hand.`;
  }
  const lines = [`npm audit: ${SEVERITIES.map((s) => `${verdict.counts[s]} ${s}`).join(', ')}`];
  for (const f of verdict.excepted) lines.push(`  excepted ${f.severity} ${f.package} ${f.advisory} (${f.title}): ${f.why}`);
  for (const f of verdict.blocking) lines.push(`  ${f.severity.toUpperCase()} ${f.package} ${f.range} ${f.advisory}: ${f.title}`);
  lines.push(verdict.blocking.length ? `${verdict.blocking.length} high or critical advisories without an exception.` : 'No high or critical advisory without an explained exception.');
  return lines.join('\n');
}

function runNpmAudit(cwd: string): Promise<string> {
  return new Promise((resolve) => {
    // npm audit exits non-zero both when it finds advisories and when it fails: read its output.
    execFile('npm', ['audit', '--json'], { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (_error, stdout, stderr) => resolve(stdout || stderr));
  });
}

async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const allowUnreachable = process.argv.includes('--allow-unreachable');
  const exceptions = parseExceptions(readFileSync(join(root, 'scripts', 'audit-exceptions.json'), 'utf8'));
  const verdict = judgeAudit(await runNpmAudit(root), exceptions);
  console.log(formatVerdict(verdict));
  if (verdict.kind === 'unreachable') process.exit(allowUnreachable ? 0 : 3);
  process.exit(verdict.blocking.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  });
}
