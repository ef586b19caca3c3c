import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ itself (packages/server/src/http/routes/dashboard.ts), so the build must not depend on
// a CDN or on inline scripts: the server's CSP is `script-src 'self'`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Inlined assets would become data: URLs; keep every asset a file so the CSP never has to allow more.
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev -w @cairn/web` talks to a Cairn server started with the defaults on port 3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
