// Vite bundles stylesheets; TypeScript only needs to know the imports exist.
declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}
declare module '*.css';

/** pictures imported by the renderer become URLs of the built files (Vite) */
declare module '*.png' {
  const url: string;
  export default url;
}
