/**
 * The deployment's configuration, validated once at load. Bundlers inline the JSON, so a
 * Lambda reads no file at run time; an invalid file fails the build or the cold start loudly.
 */
import raw from '../hutong.config.json' with { type: 'json' };
import { parseDeployment } from './domain/deployment.ts';

/** This deployment's communities, phone lines, quick-exit targets and languages. */
export const deployment = parseDeployment(raw);
