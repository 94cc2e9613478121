// Checks on the source text of the Electron entry points and the shell modules: settings that must
// never appear, and wiring that must. Parsed with the TypeScript compiler, so formatting and
// comments cannot fool the checks.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
const shellFiles = readdirSync(join(root, 'electron', 'shell')).map((f) => `electron/shell/${f}`);
const entryFiles = ['electron/main.ts', 'electron/preload.ts'];
const allFiles = [...entryFiles, ...shellFiles, 'electron/upload/electron-transport.ts'];

function parse(rel: string): ts.SourceFile {
  return ts.createSourceFile(rel, read(rel), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Every call's callee as written, e.g. "app.requestSingleInstanceLock". */
function calls(rel: string): string[] {
  const out: string[] = [];
  walk(parse(rel), (n) => {
    if (ts.isCallExpression(n)) out.push(n.expression.getText());
  });
  return out;
}

/** Every `name: literal` property in an object literal, e.g. "sandbox: false". */
function literalProperties(rel: string): string[] {
  const out: string[] = [];
  walk(parse(rel), (n) => {
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) {
      const k = n.initializer.kind;
      if (k === ts.SyntaxKind.TrueKeyword || k === ts.SyntaxKind.FalseKeyword) {
        out.push(`${n.name.text}: ${n.initializer.getText()}`);
      }
    }
  });
  return out;
}

function imports(rel: string): string[] {
  const out: string[] = [];
  walk(parse(rel), (n) => {
    if (ts.isImportDeclaration(n)) out.push((n.moduleSpecifier as ts.StringLiteral).text);
  });
  return out;
}

function identifiers(rel: string): Set<string> {
  const out = new Set<string>();
  walk(parse(rel), (n) => {
    if (ts.isIdentifier(n)) out.add(n.text);
  });
  return out;
}

describe('no weakening setting anywhere in the shell', () => {
  it.each(allFiles)('%s', (rel) => {
    const props = literalProperties(rel);
    for (const bad of [
      'contextIsolation: false',
      'sandbox: false',
      'nodeIntegration: true',
      'nodeIntegrationInWorker: true',
      'nodeIntegrationInSubFrames: true',
      'webSecurity: false',
      'allowRunningInsecureContent: true',
      'webviewTag: true',
      'bypassCSP: true',
      'corsEnabled: true',
    ]) {
      expect(props, bad).not.toContain(bad);
    }
    expect(imports(rel).filter((m) => /remote/.test(m))).toEqual([]);
    expect(identifiers(rel).has('remote')).toBe(false);
    expect(calls(rel)).not.toContain('app.disableHardwareAcceleration');
  });
});

describe('electron/main.ts wiring', () => {
  const main = calls('electron/main.ts');

  it('takes the single-instance lock and quits when another copy holds it', () => {
    const src = parse('electron/main.ts');
    let guarded = false;
    walk(src, (n) => {
      if (
        ts.isIfStatement(n) &&
        n.expression.getText() === '!app.requestSingleInstanceLock()' &&
        n.thenStatement.getText().includes('app.quit()')
      )
        guarded = true;
    });
    expect(guarded).toBe(true);
    expect(main).toContain('app.on');
    expect(read('electron/main.ts')).toMatch(/app\.on\('second-instance'/);
  });

  it('registers the app scheme as privileged, serves it with protocol.handle, and loads only it', () => {
    expect(main).toContain('protocol.registerSchemesAsPrivileged');
    expect(main).toContain('protocol.handle');
    expect(main).toContain('createAppProtocolHandler');
    const loads: string[] = [];
    walk(parse('electron/main.ts'), (n) => {
      if (ts.isCallExpression(n) && /\.(loadURL|loadFile)$/.test(n.expression.getText())) {
        loads.push(`${n.expression.getText()}(${n.arguments.map((a) => a.getText()).join(', ')})`);
      }
    });
    expect(loads).toEqual(['window.loadURL(APP_ENTRY_URL)']);
  });

  it('builds the window from windowWebPreferences and hardens sessions and contents', () => {
    let prefs = '';
    walk(parse('electron/main.ts'), (n) => {
      if (ts.isPropertyAssignment(n) && n.name.getText() === 'webPreferences')
        prefs = n.initializer.getText();
    });
    expect(prefs).toMatch(/^windowWebPreferences\(/);
    expect(main).toContain('app.enableSandbox');
    expect(main).toContain('hardenSession');
    expect(main).toContain('hardenWebContents');
    expect(read('electron/main.ts')).toMatch(/app\.on\('web-contents-created'/);
  });

  it('registers IPC only through registerIpcHandlers, which checks the sender', () => {
    expect(main).toContain('registerIpcHandlers');
    expect(main.filter((c) => /^ipcMain\./.test(c))).toEqual([]);
    const ipc = read('electron/shell/ipc.ts');
    expect(calls('electron/shell/ipc.ts')).toContain('isTrustedSender');
    expect(ipc).toMatch(/for \(const channel of CHANNELS\)/);
  });

  it('uploads through Electron net on a session of its own', () => {
    expect(main).toContain('createUploadNetwork');
    expect(main).toContain('session.fromPartition');
    expect(imports('electron/main.ts')).not.toContain('./upload/node-transport');
  });
});

describe('electron/preload.ts', () => {
  const preload = calls('electron/preload.ts');

  it('exposes one object through contextBridge and offers no generic send', () => {
    expect(preload.filter((c) => c === 'contextBridge.exposeInMainWorld')).toHaveLength(1);
    expect(preload).toContain('ipcRenderer.invoke');
    for (const c of ['ipcRenderer.send', 'ipcRenderer.sendSync', 'ipcRenderer.postMessage']) {
      expect(preload).not.toContain(c);
    }
    expect(read('electron/preload.ts')).toMatch(/\} satisfies RendererApi;/);
  });

  it('imports nothing at run time but electron and the channel names', () => {
    const runtime: string[] = [];
    walk(parse('electron/preload.ts'), (n) => {
      if (ts.isImportDeclaration(n) && !n.importClause?.isTypeOnly)
        runtime.push((n.moduleSpecifier as ts.StringLiteral).text);
    });
    expect(runtime.sort()).toEqual(['./shell/ipc-names', 'electron']);
  });
});
