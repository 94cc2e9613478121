// The bundle (scripts/build-electron.mjs) and the installer settings (electron-builder.yml): the
// installer cannot be built here, so the file is validated against electron-builder's own schema.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL, buildElectron } from '../../../scripts/build-electron.mjs';

const root = join(__dirname, '..', '..', '..');

describe('the Electron bundle', () => {
  let out: string;
  let built: { main: string; preload: string };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'rd-bundle-'));
    built = await buildElectron({ outdir: out });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const requires = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string);

  it('is CommonJS, and main requires only Node, Electron and the native modules', () => {
    const main = readFileSync(built.main, 'utf8');
    expect(main).not.toMatch(/^\s*(import|export) /m);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const foreign = requires(built.main).filter((m) => !builtins.has(m) && !EXTERNAL.includes(m));
    expect(foreign).toEqual([]);
    expect(requires(built.main)).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']));
    expect(main).not.toContain('import.meta');
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect([...new Set(requires(built.preload))]).toEqual(['electron']);
    expect(readFileSync(built.preload, 'utf8')).toContain('exposeInMainWorld("api"');
  });

  it('lands where package.json says Electron starts', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/app/main.cjs');
    expect(built.main.endsWith(join('main.cjs'))).toBe(true);
    expect(EXTERNAL).toEqual(['electron', 'better-sqlite3', '@napi-rs/keyring']);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  > & {
    nsis: Record<string, unknown>;
    win: { target: { target: string; arch: string[] }[] };
    electronFuses: Record<string, boolean>;
    asarUnpack: string[];
    files: string[];
  };

  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('keeps the stable identity', () => {
    expect(config.appId).toBe('uk.co.returndesk.app');
    expect(config.productName).toBe('ReturnDesk');
    expect(config.publish).toBeNull();
  });

  it('builds a per-user x64 NSIS installer that keeps the user data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('ships the bundle and the renderer, with native modules outside the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/app/**', 'dist/renderer/**', 'package.json']),
    );
    const unpack = config.asarUnpack.join(' ');
    expect(unpack).toContain('better-sqlite3');
    expect(unpack).toContain('@napi-rs/keyring');
  });

  it('sets the release fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
