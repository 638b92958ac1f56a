// The build Storybook uses: React and nothing else (the root vite.config.ts is the library build).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [react()], worker: { format: 'es' } });
