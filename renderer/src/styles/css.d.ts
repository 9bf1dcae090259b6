// Vite bundles stylesheets; TypeScript only needs to know the imports exist.
declare module '*.module.css' {
  const classes: Record<string, string>;
  export default classes;
}
declare module '*.css';
