// Node-side entry of @raqib/web: where the built UI lives and how to (re)build it. The browser entry is main.tsx.
export {
  type EnsureWebBuildResult,
  ensureWebBuild,
  type WebBuildState,
  webBuildState,
  webDistDir,
  webRoot,
  webSourceDigest,
} from './build/ensure-web-build.ts';
