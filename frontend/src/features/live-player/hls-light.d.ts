// hls.js ships no typings for its light build; it has the same API minus features we do not use.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
