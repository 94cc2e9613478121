// The renderer's build. base './' because the Electron window loads it from a custom protocol or
// packaged file, where absolute /assets/... paths would not resolve.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: './',
  // esbuild's own JSX transform: React 19's automatic runtime, no Babel plugin needed.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // The app is read from the local disk, never over a network: a large bundle (Fluent UI is
    // most of it) costs nothing worth splitting it for.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // Vite hides the libraries' "use client" directives by itself but not once onwarn is set;
      // zod ships a comment Rollup cannot place. Neither changes the output.
      onwarn(warning, warn) {
        const quiet = ['MODULE_LEVEL_DIRECTIVE', 'INVALID_ANNOTATION'].includes(warning.code ?? '');
        if (quiet && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
