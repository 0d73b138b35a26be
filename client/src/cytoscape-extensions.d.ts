// Cytoscape extensions without type declarations of their own.
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module 'cytoscape-svg' {
  const ext: cytoscape.Ext;
  export default ext;
}
