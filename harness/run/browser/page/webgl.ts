/// <reference lib="dom" />
/** In the page: the WebGL implementation behind the page, as the browser names it. */

/** What WebGL runs on here, or why it does not run. */
export function webglInfo(): Record<string, unknown> {
  const canvas = document.createElement("canvas");
  const gl = canvas.getContext("webgl2") as WebGL2RenderingContext | null;
  if (!gl) return { available: false, reason: 'canvas.getContext("webgl2") returned null' };
  try {
    // UNMASKED names the real renderer (e.g. SwiftShader); without the extension the
    // browser's masked strings are all there is.
    const debug = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(
      debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER),
    );
    const vendor = String(
      debug ? gl.getParameter(debug.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR),
    );
    return {
      available: true,
      renderer,
      vendor,
      unmasked: Boolean(debug),
      version: String(gl.getParameter(gl.VERSION)),
      colorBufferFloat: Boolean(gl.getExtension("EXT_color_buffer_float")),
      software: /swiftshader|llvmpipe|lavapipe|software/i.test(renderer),
    };
  } finally {
    gl.getExtension("WEBGL_lose_context")?.loseContext();
  }
}
