/** The results dashboard: `createApp` for tests and embedding, `serve` to run it. */
export { type AppOptions, createApp, type DashboardApp } from "./app.tsx";
export { serve, type Served, type ServeOptions } from "./serve.ts";
