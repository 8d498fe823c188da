/** The compiler's version, written into every rule set. Kept equal to package.json's. */
export const COMPILER_VERSION = '0.1.0';
