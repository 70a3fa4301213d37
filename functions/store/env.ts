/** Reads the functions' environment once, at cold start, so a missing variable fails loudly then. */

/**
 * Returns an environment variable, or throws naming it.
 * @example const tableName = requireEnv('TABLE_NAME');
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}
